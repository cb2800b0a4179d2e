package io.edgegateway.app.security;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's address as the gateway saw it: after trusted-proxy handling
 * ({@link TrustedForwardedHeaderTransformer}), so a forwarded address counts only from a
 * trusted proxy.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static @Nullable String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}

package io.edgegateway.app.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides the address a request is taken to have arrived at, before anything else sees
 * it. With a configured public base URL, that URL, whatever the request says; otherwise
 * the {@code Forwarded} / {@code X-Forwarded-*} headers of a trusted proxy. Forwarded
 * headers from anyone else are removed, so no client can choose the redirect URI, the
 * {@code Location} of a redirect or whether the session cookie is {@code Secure}.
 */
final class TrustedForwardedHeaderTransformer extends ForwardedHeaderTransformer {

	private final ForwardedHeaderTransformer remover = new ForwardedHeaderTransformer();

	private final @Nullable URI publicBaseUrl;

	private final List<AddressRange> trustedProxies;

	TrustedForwardedHeaderTransformer(@Nullable URI publicBaseUrl, List<String> trustedProxies) {
		this.remover.setRemoveOnly(true);
		this.publicBaseUrl = publicBaseUrl;
		this.trustedProxies = new ArrayList<>();
		for (int i = 0; i < trustedProxies.size(); i++) {
			this.trustedProxies
				.add(AddressRange.parse(trustedProxies.get(i), "edge.security.trusted-proxies[" + i + "]"));
		}
	}

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		if (this.publicBaseUrl != null) {
			ServerHttpRequest stripped = this.remover.apply(request);
			URI uri = UriComponentsBuilder.fromUri(stripped.getURI())
				.scheme(this.publicBaseUrl.getScheme())
				.host(this.publicBaseUrl.getHost())
				.port(this.publicBaseUrl.getPort())
				.build(true)
				.toUri();
			return stripped.mutate().uri(uri).build();
		}
		return isTrusted(request.getRemoteAddress()) ? super.apply(request) : this.remover.apply(request);
	}

	private boolean isTrusted(@Nullable InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null) {
			return false;
		}
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(remote.getAddress()));
	}

}

package io.edgegateway.app.web;

import java.net.ConnectException;
import java.net.UnknownHostException;

import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a proxied request whose upstream could not be reached, or hung up without an
 * answer, from every other failure: Spring Cloud Gateway lets these end in {@code 500},
 * where a client is owed {@code 502 Bad Gateway}. Only the proxy call fails this way once
 * a route was chosen: the identity provider's failures arrive as credential errors, and
 * Redis's as its own client's exceptions.
 */
final class UpstreamFailures {

	private UpstreamFailures() {
	}

	static boolean isUnreachable(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null) {
			return false;
		}
		return failure instanceof PrematureCloseException || failure instanceof ConnectException
				|| failure instanceof UnknownHostException;
	}

}

package io.edgegateway.app.security;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches requests that arrived on the management port. The port is read when requests
 * come, because with {@code management.server.port=0} it is only known once the
 * management server has started ({@code local.management.port}).
 */
final class ManagementPortMatcher implements ServerWebExchangeMatcher {

	private final Environment environment;

	private volatile int port = -1;

	ManagementPortMatcher(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		return isManagementPort(exchange) ? MatchResult.match() : MatchResult.notMatch();
	}

	boolean isManagementPort(ServerWebExchange exchange) {
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		return local != null && local.getPort() == managementPort();
	}

	private int managementPort() {
		if (this.port < 0) {
			this.port = this.environment.getProperty("local.management.port", Integer.class, -1);
		}
		return this.port;
	}

}

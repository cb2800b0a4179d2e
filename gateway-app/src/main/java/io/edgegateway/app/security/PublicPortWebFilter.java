package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A filter for the public port only: requests on the management port (probes, metrics,
 * reachable only inside the cluster network) pass untouched.
 */
abstract class PublicPortWebFilter implements WebFilter {

	private final ManagementPortMatcher managementPort;

	PublicPortWebFilter(ManagementPortMatcher managementPort) {
		this.managementPort = managementPort;
	}

	@Override
	public final Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.managementPort.isManagementPort(exchange) ? chain.filter(exchange) : filterPublic(exchange, chain);
	}

	/**
	 * Filter a request that arrived on the public port.
	 * @param exchange the exchange
	 * @param chain the rest of the chain
	 * @return when the request is done
	 */
	protected abstract Mono<Void> filterPublic(ServerWebExchange exchange, WebFilterChain chain);

}

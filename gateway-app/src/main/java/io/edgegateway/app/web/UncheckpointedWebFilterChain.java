package io.edgegateway.app.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs web filters one after the other, each when the one before it subscribes to the
 * rest of the chain, exactly as Spring's {@code DefaultWebFilterChain} does, but without
 * its Reactor checkpoint per filter. A checkpoint is an operator that every signal of the
 * request passes through: the application's filters and Spring Security's added seventeen
 * of them to every proxied request. An error's log then names the operators it passed,
 * not each filter.
 */
public final class UncheckpointedWebFilterChain implements WebFilterChain {

	private final List<WebFilter> filters;

	private final int index;

	private final WebFilterChain end;

	private UncheckpointedWebFilterChain(List<WebFilter> filters, int index, WebFilterChain end) {
		this.filters = filters;
		this.index = index;
		this.end = end;
	}

	/**
	 * A chain of filters. The list is used as it is, not copied (Spring Security hands
	 * over a new one per request): it must not change while the chain runs.
	 * @param filters the filters, in the order they run
	 * @param end what runs after the last filter
	 * @return the chain
	 */
	public static WebFilterChain of(List<WebFilter> filters, WebFilterChain end) {
		return new UncheckpointedWebFilterChain(filters, 0, end);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange) {
		return Mono.defer(() -> (this.index < this.filters.size())
				? this.filters.get(this.index)
					.filter(exchange, new UncheckpointedWebFilterChain(this.filters, this.index + 1, this.end))
				: this.end.filter(exchange));
	}

}

package io.edgegateway.app.session;

import io.edgegateway.filters.request.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

/**
 * Saves the request's session before its answer is sent, where a failure can still be
 * answered. Spring saves a session as the response is committed; an answer that the
 * request's handling leaves uncommitted (a redirect to sign in, which starts a session to
 * keep the page to return to) is committed after the exception handlers, so a Redis that
 * refuses that save ended the request in an empty {@code 500}. Saved here, the failure is
 * {@code 503} with {@code Retry-After} like any other session request's, and the save at
 * commit does nothing more ({@link TrackedRedisSessionRepository} skips a session whose
 * write failed, and one written already). A session nothing asked for is not looked up.
 */
final class SessionSaveWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).then(Mono.defer(() -> save(exchange)));
	}

	private Mono<Void> save(ServerWebExchange exchange) {
		if (exchange.getResponse().isCommitted()
				|| exchange.getAttribute(SessionCookieResolver.SESSION_RESOLVED) == null) {
			return Mono.empty();
		}
		return exchange.getSession().filter(WebSession::isStarted).flatMap(WebSession::save);
	}

	/**
	 * Around the security chain and everything after it, so that its save comes after all
	 * they did; inside the request id and the concurrency limit.
	 */
	@Override
	public int getOrder() {
		return RequestIdWebFilter.ORDER + 3;
	}

}

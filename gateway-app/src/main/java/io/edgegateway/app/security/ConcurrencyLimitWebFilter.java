package io.edgegateway.app.security;

import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.filters.request.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Sheds load before it turns into timeouts: at most
 * {@code edge.security.max-concurrent-requests} requests are in progress on a replica's
 * public port; one more is answered {@code 503} with {@code Retry-After: 1} at once,
 * before the security chain, the session store or an upstream is touched, so that a
 * saturated gateway (or a saturated Redis or identity provider behind it) answers the
 * requests it takes on time and tells the others to come back, instead of letting every
 * request wait until something times out. The management port (probes, metrics) is never
 * limited.
 */
final class ConcurrencyLimitWebFilter extends PublicPortWebFilter implements Ordered {

	static final String RETRY_AFTER_SECONDS = "1";

	private final int limit;

	private final ProblemResponses problems;

	private final AtomicInteger inProgress = new AtomicInteger();

	ConcurrencyLimitWebFilter(int limit, ManagementPortMatcher managementPort, ProblemResponses problems) {
		super(managementPort);
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected Mono<Void> filterPublic(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.inProgress.incrementAndGet() > this.limit) {
			this.inProgress.decrementAndGet();
			return overloaded(exchange);
		}
		return chain.filter(exchange).doFinally((signal) -> this.inProgress.decrementAndGet());
	}

	private Mono<Void> overloaded(ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The gateway is serving as many requests as it takes (edge.security.max-concurrent-requests); "
						+ "try again shortly");
		problem.setProperty("error", "overloaded");
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return this.problems.write(exchange, problem);
	}

	/**
	 * After the request id and the host check, before Spring Security.
	 */
	@Override
	public int getOrder() {
		return RequestIdWebFilter.ORDER + 2;
	}

}

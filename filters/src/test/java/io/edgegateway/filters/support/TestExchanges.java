package io.edgegateway.filters.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Exchanges for filter unit tests, in Spring Cloud Gateway's own style: a mock exchange
 * as the filters find it on a route (a request id, the signed-in user resolved), and a
 * chain that records the exchange it is handed.
 */
public final class TestExchanges {

	/**
	 * Alice, a session user of group engineering in tenant t1, with scope
	 * {@code reports.read}.
	 */
	public static final SignedInUser ALICE = new SignedInUser(
			new TestingAuthenticationToken("alice", "n/a", "SCOPE_reports.read"),
			new IdentityClaims("alice", "Alice", "alice@example.com", List.of("engineering"), "t1", null),
			SignedInUser.Kind.SESSION);

	private TestExchanges() {
	}

	/**
	 * An exchange as a route's filters see it.
	 * @param request the request
	 * @param user the signed-in user, or {@code null} for none
	 * @return the exchange
	 */
	public static MockServerWebExchange onRoute(MockServerHttpRequest.BaseBuilder<?> request,
			@Nullable SignedInUser user) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, "req-1");
		exchange.getAttributes().put(SignedInUser.ATTRIBUTE, Mono.justOrEmpty(user));
		return exchange;
	}

	/**
	 * A chain that records the exchange it is handed and completes.
	 * @param seen where the exchange goes
	 * @return the chain
	 */
	public static GatewayFilterChain recording(AtomicReference<@Nullable ServerWebExchange> seen) {
		return (exchange) -> {
			seen.set(exchange);
			return Mono.empty();
		};
	}

}

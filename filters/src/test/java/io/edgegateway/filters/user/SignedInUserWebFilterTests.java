package io.edgegateway.filters.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.filters.access.RequireClaimsGatewayFilterFactory;
import io.edgegateway.filters.audit.AuditEvent;
import io.edgegateway.filters.audit.AuditGlobalFilter;
import io.edgegateway.filters.credential.CredentialService;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.request.RequestIds;
import io.edgegateway.filters.support.TestCredentials;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenMetrics;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.TokenServiceFactory;
import io.edgegateway.filters.tracing.RequestTraces;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user is resolved once per request, however many filters read it: identity headers,
 * the access rule, the credential with its cache key, and the audit event.
 */
class SignedInUserWebFilterTests {

	@Test
	void filterWhenEveryFilterOfARouteReadsTheUserThenItIsResolvedOnce() {
		AtomicInteger resolutions = new AtomicInteger();
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "carol")
			.claim("groups", List.of("finance"))
			.claim("tenant", "t1")
			.build();
		Authentication bearer = new JwtAuthenticationToken(jwt, List.of());
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/reports"));
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, "req-1");
		ServerWebExchange withPrincipal = exchange.mutate().principal(Mono.fromCallable(() -> {
			resolutions.incrementAndGet();
			return bearer;
		})).build();
		List<AuditEvent> audit = new ArrayList<>();
		List<GatewayFilter> route = List
			.of(new IdentityHeadersGatewayFilterFactory(IdentityHeaderInjector.from(new IdentityProperties()))
				.apply(new IdentityHeadersGatewayFilterFactory.Config()), requireFinance(), serviceAccount());
		AuditGlobalFilter auditFilter = new AuditGlobalFilter(audit::add, Clock.systemUTC(), RequestTraces.off());
		new SignedInUserWebFilter(SignedInUserResolver.from(new IdentityClaimsProperties()))
			.filter(withPrincipal, (afterSecurity) -> auditFilter.filter(afterSecurity, chain(route, 0)))
			.block();
		assertThat(resolutions).hasValue(1);
		assertThat(audit).singleElement().satisfies((event) -> assertThat(event.userId()).isEqualTo("carol"));
	}

	private static GatewayFilterChain chain(List<GatewayFilter> filters, int index) {
		return (exchange) -> (index < filters.size()) ? filters.get(index).filter(exchange, chain(filters, index + 1))
				: Mono.empty();
	}

	private static GatewayFilter requireFinance() {
		RequireClaimsGatewayFilterFactory.Config config = new RequireClaimsGatewayFilterFactory.Config()
			.setGroups(List.of("finance"));
		config.setRouteId("reports");
		return new RequireClaimsGatewayFilterFactory().apply(config);
	}

	/**
	 * A service account whose token is cached per route, so the cache key is computed
	 * from the user too (for service accounts: the tenant is not in it, the subject is).
	 */
	private static GatewayFilter serviceAccount() {
		TokenService tokens = new TokenServiceFactory(10, null, null, new TokenCacheStatus(Clock.systemUTC()),
				TokenMetrics.NONE, Clock.systemUTC())
			.create(Duration.ofSeconds(30), Duration.ZERO);
		CredentialService credentials = TestCredentials
			.serviceAccount((user) -> Mono.just(new MintedToken("minted", Instant.now().plusSeconds(300))), tokens);
		ServiceAccountGatewayFilterFactory.Config config = new ServiceAccountGatewayFilterFactory.Config();
		config.setRouteId("reports");
		config.setRegistration("reports-sa");
		return new ServiceAccountGatewayFilterFactory(credentials).apply(config);
	}

}

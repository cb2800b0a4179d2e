package io.edgegateway.filters.identity;

import java.util.concurrent.atomic.AtomicReference;

import io.edgegateway.filters.support.TestExchanges;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersGatewayFilterFactoryTests {

	private final GatewayFilter filter = new IdentityHeadersGatewayFilterFactory(
			IdentityHeaderInjector.from(new IdentityProperties()))
		.apply(new Object());

	@Test
	void filterWhenSignedInThenSpoofedHeadersReplacedByTheUsersOwn() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		this.filter.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/api")
			.header("X-User-Id", "mallory")
			.header("x_tenant_id", "evil")
			.header("X-Real-IP", "10.9.9.9"), TestExchanges.ALICE), TestExchanges.recording(seen)).block();
		HttpHeaders headers = seen.get().getRequest().getHeaders();
		assertThat(headers.get("X-User-Id")).containsExactly("alice");
		assertThat(headers.get("X-Tenant-Id")).containsExactly("t1");
		assertThat(headers.get("X-User-Groups")).containsExactly("engineering");
		assertThat(headers.get("X-Request-Id")).containsExactly("req-1");
		assertThat(headers.containsHeader("x_tenant_id")).isFalse();
		assertThat(headers.containsHeader("X-Real-IP")).isFalse();
	}

	@Test
	void filterWhenAnonymousThenOnlyTheRequestIdIsSet() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		this.filter
			.filter(TestExchanges.onRoute(MockServerHttpRequest.get("/").header("X-User-Id", "mallory"), null),
					TestExchanges.recording(seen))
			.block();
		HttpHeaders headers = seen.get().getRequest().getHeaders();
		assertThat(headers.containsHeader("X-User-Id")).isFalse();
		assertThat(headers.get("X-Request-Id")).containsExactly("req-1");
	}

	@Test
	void toStringThenNamesTheFilter() {
		assertThat(this.filter.toString()).isEqualTo("[IdentityHeaders]");
	}

}

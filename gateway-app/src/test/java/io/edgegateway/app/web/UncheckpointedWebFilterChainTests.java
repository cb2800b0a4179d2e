package io.edgegateway.app.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class UncheckpointedWebFilterChainTests {

	private final List<String> ran = new ArrayList<>();

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

	private final WebFilterChain end = (exchange) -> Mono.fromRunnable(() -> this.ran.add("end"));

	@Test
	void filterWhenEveryFilterContinuesThenInOrderAndThenTheEnd() {
		UncheckpointedWebFilterChain.of(List.of(named("a"), named("b"), named("c")), this.end)
			.filter(this.exchange)
			.block();
		assertThat(this.ran).containsExactly("a", "b", "c", "end");
	}

	@Test
	void filterWhenNotSubscribedThenNothingRuns() {
		Mono<Void> pending = UncheckpointedWebFilterChain.of(List.of(named("a"), named("b")), this.end)
			.filter(this.exchange);
		assertThat(this.ran).isEmpty();
		pending.block();
		assertThat(this.ran).containsExactly("a", "b", "end");
	}

	@Test
	void filterWhenAFilterRefusesThenTheRestOfTheChainIsBuiltButNeverRuns() {
		WebFilter refusing = (exchange, chain) -> {
			Mono<Void> rest = chain.filter(exchange);
			this.ran.add("refused");
			return Mono.error(new IllegalStateException("refused")).then(rest);
		};
		Mono<Void> result = UncheckpointedWebFilterChain.of(List.of(named("a"), refusing, named("c")), this.end)
			.filter(this.exchange);
		assertThat(result.onErrorResume((ex) -> Mono.empty()).block()).isNull();
		assertThat(this.ran).containsExactly("a", "refused");
	}

	private WebFilter named(String name) {
		return (exchange, chain) -> {
			this.ran.add(name);
			return chain.filter(exchange);
		};
	}

}

package io.edgegateway.routes.file;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestKeyTests {

	private static final List<String> ROUTE = List.of("id", "uri", "order", "metadata", "predicates", "filters");

	private static final List<String> EXCHANGE = List.of("registration", "audience", "resource", "scope",
			"requested-token-type", "subject-token-type", "actor-registration");

	static Stream<Arguments> keys() {
		return Stream.of(Arguments.of("url", ROUTE, "uri"), Arguments.of("predicate", ROUTE, "predicates"),
				Arguments.of("filter", ROUTE, "filters"), Arguments.of("ordr", ROUTE, "order"),
				Arguments.of("URI", ROUTE, "uri"), Arguments.of("route", List.of("routes"), "routes"),
				Arguments.of("registraton", EXCHANGE, "registration"), Arguments.of("scopes", EXCHANGE, "scope"),
				Arguments.of("requestedTokenType", EXCHANGE, "requested-token-type"),
				Arguments.of("actor_registration", EXCHANGE, "actor-registration"),
				Arguments.of("grups", List.of("groups", "all-groups", "scopes"), "groups"),
				Arguments.of("owner", ROUTE, "order"), Arguments.of("team", ROUTE, null),
				Arguments.of("x", ROUTE, null), Arguments.of("ur", List.of("id"), null),
				Arguments.of("audit", EXCHANGE, null));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("keys")
	void toWhenAKeyIsUnknownThenTheNearestKnownOneIfAnyIsNear(String unknown, List<String> known, String expected) {
		assertThat(ClosestKey.to(unknown, known)).isEqualTo(Optional.ofNullable(expected));
	}

}

package io.edgegateway.routes.file;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.routes.TestRouteDefinitionValidators;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route file checked as the gateway applies it: the schema first, then the gateway's
 * factories for every route the schema passes, each problem naming file and line.
 */
class RouteFileCheckerTests {

	private final RouteFileChecker checker = new RouteFileChecker(
			TestRouteDefinitionValidators.pathAndAddRequestHeader(), Set.of());

	@Test
	void checkWhenOneRouteBreaksTheSchemaAndAnotherNamesAnUnknownFilterThenSaysBoth() {
		RouteFileChecker.Checked checked = this.checker.check("team-c.yaml", """
				routes:
				  - id: no-scheme
				    uri: team-c.internal
				    predicates: [ "Path=/c/**" ]
				  - id: typo
				    uri: http://team-c.internal
				    predicates: [ "Path=/typo/**" ]
				    filters: [ "AddRequestHeadr=X-Team, c" ]
				""", List.of(), (id) -> null);
		assertThat(checked.problems()).containsExactly(
				"team-c.yaml:3: route 'no-scheme': uri: 'team-c.internal' needs a scheme (http, https, lb, ...)",
				"team-c.yaml:5: route 'typo': filters: unknown filter 'AddRequestHeadr'; known: [AddRequestHeader]");
		assertThat(checked.routes()).extracting(RouteDefinition::getId).containsExactly("typo");
	}

	@Test
	void checkWhenARouteIdIsAnotherFilesThenNamesTheLineAndTheOtherFile() {
		Map<String, String> declared = Map.of("orders", "team-a.yaml");
		assertThat(this.checker.check("team-b.yaml", """
				routes:
				  - id: reports
				    uri: http://reports.internal
				  - id: orders
				    uri: http://orders.internal
				""", List.of(), declared::get).problems())
			.containsExactly("team-b.yaml:4: route 'orders': id: already declared in team-a.yaml");
	}

	@Test
	void checkWhenTheFileAppliesThenEveryRouteAndNoProblem() {
		RouteFileChecker.Checked checked = this.checker.check("team-a.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/orders/**" ]
				    filters: [ "AddRequestHeader=X-Team, a" ]
				""", List.of(), (id) -> null);
		assertThat(checked.problems()).isEmpty();
		assertThat(checked.routes()).extracting(RouteDefinition::getId).containsExactly("orders");
	}

}

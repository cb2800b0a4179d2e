package io.edgegateway.routes.file;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgegateway.routes.TestRouteDefinitionValidators;
import io.edgegateway.routes.precedence.RouteSpace;
import io.edgegateway.routes.precedence.RouteSpaces;
import io.edgegateway.routes.precedence.SegmentPattern;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route file checked as the gateway applies it: the schema first, then the gateway's
 * factories for every route the schema passes, each problem naming file and line.
 */
class RouteFileCheckerTests {

	private final RouteSpaces spaces = TestRouteDefinitionValidators.routeSpaces();

	private final RouteFileChecker checker = new RouteFileChecker(
			TestRouteDefinitionValidators.pathAndAddRequestHeader(), this.spaces, TeamGrants.of(Map.of()), Set.of());

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
				""", List.of(), List.of());
		assertThat(checked.problems()).containsExactly(
				"team-c.yaml:3: route 'no-scheme': uri: 'team-c.internal' needs a scheme (http, https, lb, ...)",
				"team-c.yaml:5: route 'typo': filters: unknown filter 'AddRequestHeadr'; known: [AddRequestHeader]");
		assertThat(checked.routes()).extracting(RouteDefinition::getId).containsExactly("typo");
	}

	@Test
	void checkWhenARouteIdIsAnotherFilesThenNamesTheLineAndTheOtherFile() {
		List<ClaimedRoute> declared = List.of(new ClaimedRoute("orders", "team-a.yaml", "team-a.yaml",
				new RouteSpace(List.of(), List.of(SegmentPattern.path("/orders/**")), 0)));
		assertThat(this.checker.check("team-b.yaml", """
				routes:
				  - id: reports
				    uri: http://reports.internal
				    predicates: [ "Path=/reports/**" ]
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/b/orders/**" ]
				""", List.of(), declared).problems())
			.containsExactly("team-b.yaml:5: route 'orders': id: already declared in team-a.yaml");
	}

	@Test
	void checkWhenTheFileAppliesThenEveryRouteAndNoProblem() {
		RouteFileChecker.Checked checked = this.checker.check("team-a.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/orders/**" ]
				    filters: [ "AddRequestHeader=X-Team, a" ]
				""", List.of(), List.of());
		assertThat(checked.problems()).isEmpty();
		assertThat(checked.routes()).extracting(RouteDefinition::getId).containsExactly("orders");
	}

	@Test
	void checkWhenARouteOverlapsAnotherTeamsThenNamesBothFilesWhateverItsOrder() {
		List<ClaimedRoute> applied = List.of(new ClaimedRoute("ledger", "finance.yaml", "finance.yaml",
				new RouteSpace(List.of(), List.of(SegmentPattern.path("/finance/**")), 0)));
		assertThat(this.checker.check("shop.yaml", """
				routes:
				  - id: shop
				    uri: http://shop.internal
				    order: -1000
				    predicates: [ "Path=/finance/{page}" ]
				""", List.of(), applied).problems())
			.containsExactly("shop.yaml:2: route 'shop': claims requests that route 'ledger' in finance.yaml also "
					+ "claims; routes of different teams never overlap");
	}

}

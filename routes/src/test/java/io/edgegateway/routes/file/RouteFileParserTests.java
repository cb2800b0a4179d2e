package io.edgegateway.routes.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RouteFileParserTests {

	private final RouteFileParser parser = new RouteFileParser();

	@Test
	void parseWhenValidThenRoutesWithFiltersInShortcutAndFullForm() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/orders/**" ]
				    filters:
				      - TokenRelay
				      - name: RequireClaims
				        args: { groups: [ finance ] }
				""")).singleElement().satisfies((route) -> {
			assertThat(route.getId()).isEqualTo("orders");
			assertThat(route.getFilters()).extracting("name").containsExactly("TokenRelay", "RequireClaims");
			assertThat(route.getFilters().get(1).getArgs()).containsEntry("groups.0", "finance");
		});
	}

	@Test
	void parseWhenYamlIsBrokenThenNamesTheFileAndTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: [ unclosed
				""")).withMessageStartingWith("team.yaml: not valid YAML:").withMessageContaining("line");
	}

	@Test
	void parseWhenAFieldCannotBindThenNamesTheFileAndTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    order: first
				""")).withMessageStartingWith("team.yaml: routes[0].order:");
	}

	@Test
	void parseWhenARouteHasNoIdThenNamesTheFileAndTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.parse("team.yaml", """
				routes:
				  - uri: http://orders.internal
				""")).withMessage("team.yaml: routes[0].id: is required");
	}

}

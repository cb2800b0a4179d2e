package io.edgegateway.routes.file;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class RouteFileParserTests {

	private final RouteFileParser parser = new RouteFileParser();

	@Test
	void parseWhenValidThenRoutesWithFiltersInShortcutAndFullFormAndTheirLines() {
		RouteFileParser.Parsed parsed = this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/orders/**" ]
				    filters:
				      - TokenRelay
				      - name: RequireClaims
				        args: { groups: [ finance ] }
				  - id: reports
				    uri: http://reports.internal
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.routes()).extracting(RouteDefinition::getId).containsExactly("orders", "reports");
		RouteDefinition orders = parsed.routes().get(0);
		assertThat(orders.getFilters()).extracting("name").containsExactly("TokenRelay", "RequireClaims");
		assertThat(orders.getFilters().get(1).getArgs()).containsEntry("groups.0", "finance");
		assertThat(parsed.lines()).containsEntry("orders", 2).containsEntry("reports", 9);
	}

	@Test
	void parseWhenYamlIsBrokenThenNamesTheFileAndTheLine() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    predicates: [ "Path=/orders/**"
				    order: 1
				""").problems()).containsExactly("team.yaml:5: not valid YAML: expected ',' or ']', but got <scalar>");
	}

	@Test
	void parseWhenAKeyIsThereTwiceThenNamesTheLineOfTheSecond() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    uri: http://orders-v2.internal
				""").problems()).containsExactly("team.yaml:4: not valid YAML: found duplicate key uri");
	}

	@Test
	void parseWhenAnAliasNamesANodeThatContainsItThenNotValidYaml() {
		assertThat(this.parser.parse("team.yaml", """
				routes: &routes
				  - id: orders
				    uri: http://orders.internal
				    filters: *routes
				""").problems()).containsExactly("team.yaml:1: not valid YAML: an alias names a node that contains it");
	}

	@Test
	void parseWhenATagCannotReadItsValueThenNotValidYaml() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    order: !!int first
				""").problems()).containsExactly("team.yaml:4: not valid YAML: cannot read 'first' as !!int");
	}

	@Test
	void parseWhenEmptyThenRoutesAreRequired() {
		assertThat(this.parser.parse("team.yaml", "").problems()).containsExactly("team.yaml:1: 'routes' is required");
	}

	@Test
	void parseWhenRoutesShareSettingsThroughAMergeKeyThenEachHasThem() {
		RouteFileParser.Parsed parsed = this.parser.parse("team.yaml", """
				routes:
				  - &orders
				    id: orders
				    uri: http://orders.internal
				    filters: [ TokenRelay ]
				  - <<: *orders
				    id: orders-v2
				    predicates: [ "Path=/v2/orders/**" ]
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.routes()).extracting(RouteDefinition::getId).containsExactly("orders", "orders-v2");
		assertThat(parsed.routes().get(1).getFilters()).extracting("name").containsExactly("TokenRelay");
	}

	@Test
	void parseWhenAValueFailsOnlyToBindThenNamesTheFileTheLineAndTheProperty() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    order: 3000000000
				""").problems()).singleElement()
			.asString()
			.startsWith("team.yaml:4: routes[0].order: Failed to convert");
	}

	@Test
	void parseWhenTheSchemaRefusesAValueThatAlsoFailsToBindThenSaysItOnce() {
		assertThat(this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    order: first
				""").problems())
			.containsExactly("team.yaml:4: route 'orders': order: expected an integer, found 'first'");
	}

	@Test
	void parseWhenOneRouteBreaksTheSchemaThenOnlyTheOthersAreLeftToCheck() {
		RouteFileParser.Parsed parsed = this.parser.parse("team.yaml", """
				routes:
				  - id: orders
				    url: http://orders.internal
				  - id: reports
				    uri: http://reports.internal
				""");
		assertThat(parsed.problems())
			.containsExactly("team.yaml:3: route 'orders': unknown key 'url' (did you mean 'uri'?)");
		assertThat(parsed.routes()).extracting(RouteDefinition::getId).containsExactly("reports");
		assertThat(parsed.lines()).containsOnlyKeys("reports").containsEntry("reports", 4);
	}

}

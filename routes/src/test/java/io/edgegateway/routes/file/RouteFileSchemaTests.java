package io.edgegateway.routes.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped JSON Schema, as the gateway applies it when a route file loads: it accepts
 * every shipped example and what Spring Cloud Gateway accepts, and says each mistake with
 * the file, the line, the route and the key.
 */
class RouteFileSchemaTests {

	private final RouteFileParser parser = new RouteFileParser();

	static Stream<Resource> examples() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.yaml");
		assertThat(resources).hasSizeGreaterThanOrEqualTo(5);
		return Arrays.stream(resources);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void exampleWhenShippedThenPassesTheSchemaAndBinds(Resource example) throws IOException {
		String text;
		try (InputStream in = example.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		RouteFileParser.Parsed parsed = this.parser.parse(example.getFilename(), text);
		assertThat(parsed.problems()).as(example.getFilename()).isEmpty();
		assertThat(parsed.routes()).isNotEmpty()
			.allMatch((route) -> route.getUri() != null && !route.getFilters().isEmpty());
	}

	@Test
	void fileWhenItUsesWhatSpringCloudGatewayAllowsThenPasses() {
		assertThat(this.parser.parse("team-a.yaml", """
				routes:
				  - id: orders
				    uri: lb://orders
				    order: -1
				    metadata:
				      auth: public
				      cors: { allowedOrigins: [ "https://app.example.com" ], maxAge: 600 }
				      anything: { nested: [ 1, true, null ] }
				    predicates:
				      - Path=/api/orders/**
				      - name: Header
				        args: { header: X-Tenant, regexp: "acme|globex" }
				    filters:
				      - AddRequestHeader=X-Source, gateway
				      - name: RewritePath
				        args: { regexp: "/api/(?<rest>.*)", replacement: "/${rest}" }
				      - TokenRelay
				""").problems()).isEmpty();
	}

	@Test
	void fileWhenItCarriesIdentityAssertionsThenPasses() {
		assertThat(this.parser.parse("team-a.yaml", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    filters:
				      - IdentityAssertion
				      - name: IdentityAssertion
				        args: { audience: orders-api, claims: [ email, groups, tenant, idp, name ], header: X-Identity }
				      - name: IdentityAssertion
				        args: { claims: groups, per-request: true }
				""").problems()).isEmpty();
	}

	@Test
	void fileWhenItChoosesItsIdentityHeadersThenPasses() {
		assertThat(this.parser.parse("team-a.yaml", """
				routes:
				  - id: analytics
				    uri: http://analytics.internal
				    filters:
				      - IdentityHeaders
				      - name: IdentityHeaders
				        args: { headers: [ user-id, email, groups, tenant, issuer ], groups-prefix: analytics- }
				      - name: IdentityHeaders
				        args: { headers: groups }
				""").problems()).isEmpty();
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(Arguments.of("unknown auth value", """
				routes:
				  - id: status
				    uri: http://status.internal
				    metadata: { auth: anonymous }
				""", List.of("team-a.yaml:4: route 'status': metadata.auth: 'anonymous' is not one of: public")),
				Arguments.of("CORS policy with a misspelt key", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    metadata:
						      cors: { allowedOrigin: "https://app.example.com" }
						""",
						List.of("team-a.yaml:5: route 'orders': metadata.cors: unknown key 'allowedOrigin' "
								+ "(did you mean 'allowedOrigins'?)")),
				Arguments.of("CORS policy without origins", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    metadata:
						      cors: { allowedMethods: [ GET ] }
						""",
						List.of("team-a.yaml:5: route 'orders': metadata.cors: 'allowedOrigins' or "
								+ "'allowedOriginPatterns' is required")),
				Arguments.of("url for uri", """
						routes:
						  - id: orders
						    url: http://orders.internal
						""", List.of("team-a.yaml:3: route 'orders': unknown key 'url' (did you mean 'uri'?)")),
				Arguments.of("predicate for predicates", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    predicate: [ "Path=/api/orders/**" ]
						""",
						List.of("team-a.yaml:4: route 'orders': unknown key 'predicate' (did you mean 'predicates'?)")),
				Arguments.of("registraton for registration", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: TokenExchange
						        args:
						          registraton: idp-exchange
						          audience: orders-api
						""",
						List.of("team-a.yaml:7: route 'orders': filter TokenExchange: args: unknown key 'registraton' "
								+ "(did you mean 'registration'?)")),
				Arguments.of("grups for groups", """
						routes:
						  - id: reports
						    uri: http://reports.internal
						    filters:
						      - name: RequireClaims
						        args: { grups: finance }
						""",
						List.of("team-a.yaml:6: route 'reports': filter RequireClaims: args: unknown key 'grups' "
								+ "(did you mean 'groups'?)")),
				Arguments.of("route for routes", """
						route:
						  - id: orders
						    uri: http://orders.internal
						""", List.of("team-a.yaml:1: unknown key 'route' (did you mean 'routes'?)")),
				Arguments.of("a relaxed name for a filter argument", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: TokenExchange
						        args: { registration: idp, audience: orders-api, actorRegistration: gateway-sa }
						""",
						List.of("team-a.yaml:6: route 'orders': filter TokenExchange: args: unknown key "
								+ "'actorRegistration' (did you mean 'actor-registration'?)")),
				Arguments.of("an unknown key like no known one", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    team: payments
						""", List.of("team-a.yaml:4: route 'orders': unknown key 'team'")), Arguments.of("no id", """
						routes:
						  - uri: http://orders.internal
						""", List.of("team-a.yaml:2: routes[0]: 'id' is required")),
				Arguments.of("uri without scheme", """
						routes:
						  - id: orders
						    uri: orders.internal
						""", List
					.of("team-a.yaml:3: route 'orders': uri: 'orders.internal' needs a scheme (http, https, lb, ...)")),
				Arguments.of("order that is no number", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    order: first
						""", List.of("team-a.yaml:4: route 'orders': order: expected an integer, found 'first'")),
				Arguments.of("token exchange without audience or resource", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: TokenExchange
						        args: { registration: idp }
						""",
						List.of("team-a.yaml:6: route 'orders': filter TokenExchange: args: 'audience' or 'resource' "
								+ "is required")),
				Arguments.of("service account without registration", """
						routes:
						  - id: reports
						    uri: http://reports.internal
						    filters:
						      - name: ServiceAccount
						        args: { scope: "reports.read" }
						""", List
					.of("team-a.yaml:6: route 'reports': filter ServiceAccount: args: 'registration' is required")),
				Arguments.of("credential filter without arguments", """
						routes:
						  - id: reports
						    uri: http://reports.internal
						    filters:
						      - name: ServiceAccount
						""", List.of("team-a.yaml:5: route 'reports': filter ServiceAccount: 'args' is required")),
				Arguments.of("malformed scope", """
						routes:
						  - id: entra
						    uri: http://entra.internal
						    filters:
						      - name: OnBehalfOf
						        args: { registration: entra-obo, scope: "api://orders/.default \\"x\\"" }
						""", List
					.of("team-a.yaml:6: route 'entra': filter OnBehalfOf: args.scope: 'api://orders/.default \"x\"' "
							+ "is not a list of scope tokens (RFC 6749 section 3.3), separated by spaces or commas")),
				Arguments.of("empty access rule", """
						routes:
						  - id: finance
						    uri: http://finance.internal
						    filters:
						      - name: RequireClaims
						        args: {}
						""",
						List.of("team-a.yaml:6: route 'finance': filter RequireClaims: args: needs at least one of: "
								+ "groups, all-groups, scopes, tenants, email-domains, issuers")),
				Arguments.of("access rule naming an empty group", """
						routes:
						  - id: finance
						    uri: http://finance.internal
						    filters:
						      - name: RequireClaims
						        args: { groups: "" }
						""", List
					.of("team-a.yaml:6: route 'finance': filter RequireClaims: args.groups: must not be empty")),
				Arguments.of("step-up max-age without a unit (a bare number reads as milliseconds)", """
						routes:
						  - id: payments
						    uri: http://payments.internal
						    filters:
						      - name: StepUp
						        args: { max-age: 15 minutes }
						""",
						List.of("team-a.yaml:6: route 'payments': filter StepUp: args.max-age: '15 minutes' is not a "
								+ "duration with a unit: 900s, 15m, 1h, 1d")),
				Arguments.of("unknown subject token type", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: TokenExchange
						        args: { registration: idp, audience: orders-api, subject-token-type: jwt }
						""", List
					.of("team-a.yaml:6: route 'orders': filter TokenExchange: args.subject-token-type: 'jwt' is "
							+ "not one of: access_token, id_token")),
				Arguments.of("identity assertion with an unknown claim", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: IdentityAssertion
						        args: { claims: [ groups, phone ] }
						""",
						List.of("team-a.yaml:6: route 'orders': filter IdentityAssertion: args.claims[1]: "
								+ "'phone' is not one of: email, name, groups, tenant, idp")),
				Arguments.of("identity headers with an unknown header", """
						routes:
						  - id: analytics
						    uri: http://analytics.internal
						    filters:
						      - name: IdentityHeaders
						        args: { headers: [ groups, phone ] }
						""",
						List.of("team-a.yaml:6: route 'analytics': filter IdentityHeaders: args.headers[1]: "
								+ "'phone' is not one of: user-id, email, groups, tenant, issuer")),
				Arguments.of("identity headers with an unknown key", """
						routes:
						  - id: analytics
						    uri: http://analytics.internal
						    filters:
						      - name: IdentityHeaders
						        args: { group-prefix: analytics- }
						""",
						List.of("team-a.yaml:6: route 'analytics': filter IdentityHeaders: args: unknown key "
								+ "'group-prefix' (did you mean 'groups-prefix'?)")),
				Arguments.of("identity assertion with an unknown key", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - name: IdentityAssertion
						        args: { audiense: orders-api }
						""",
						List.of("team-a.yaml:6: route 'orders': filter IdentityAssertion: args: unknown key "
								+ "'audiense' (did you mean 'audience'?)")),
				Arguments.of("a filter that is neither a shortcut nor a map", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    filters:
						      - 42
						""",
						List.of("team-a.yaml:5: route 'orders': filters[0]: expected a string or a map, found 42")),
				Arguments.of("a malformed shortcut", """
						routes:
						  - id: orders
						    uri: http://orders.internal
						    predicates: [ "Path /api/orders/**" ]
						""", List
					.of("team-a.yaml:4: route 'orders': predicates[0]: 'Path /api/orders/**' is not a shortcut: "
							+ "Name or Name=arg1, arg2")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void fileWhenItHasAMistakeThenSaysFileLineRouteAndKey(String description, String yaml, List<String> problems) {
		assertThat(this.parser.parse("team-a.yaml", yaml).problems()).containsExactlyElementsOf(problems);
	}

	@Test
	void fileWhenItHasSeveralMistakesThenSaysEveryOneByLine() {
		assertThat(this.parser.parse("team-a.yaml", """
				routes:
				  - id: orders
				    url: http://orders.internal
				    filters:
				      - name: TokenExchange
				        args: { registraton: idp, audience: orders-api }
				  - id: reports
				    uri: http://reports.internal
				    filters:
				      - name: RequireClaims
				        args: { grups: finance }
				      - name: StepUp
				        args: { max-age: 900 }
				""").problems()).containsExactly(
				"team-a.yaml:3: route 'orders': unknown key 'url' (did you mean 'uri'?)",
				"team-a.yaml:6: route 'orders': filter TokenExchange: args: unknown key 'registraton' "
						+ "(did you mean 'registration'?)",
				"team-a.yaml:11: route 'reports': filter RequireClaims: args: unknown key 'grups' "
						+ "(did you mean 'groups'?)",
				"team-a.yaml:13: route 'reports': filter StepUp: args.max-age: expected a string, found 900");
	}

}

package io.edgegateway.routes.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema shipped for editors accepts every shipped example, which the gateway's
 * parser also reads, and rejects what the gateway would reject.
 */
class RouteFileSchemaTests {

	private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(RouteFileSchemaTests.class.getResourceAsStream("/schema/routes.schema.json"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Resource> examples() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.yaml");
		assertThat(resources).hasSizeGreaterThanOrEqualTo(5);
		return Arrays.stream(resources);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void exampleWhenShippedThenValidAgainstSchemaAndReadByTheParser(Resource example) throws IOException {
		String text;
		try (InputStream in = example.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(validate(text)).as(example.getFilename()).isEmpty();
		List<RouteDefinition> routes = new RouteFileParser().parse(example.getFilename(), text);
		assertThat(routes).isNotEmpty().allMatch((route) -> route.getUri() != null && !route.getFilters().isEmpty());
	}

	static Stream<Arguments> badFiles() {
		return Stream.of(Arguments.of("no id", """
				routes:
				  - uri: http://orders.internal
				""", "id"), Arguments.of("uri without scheme", """
				routes:
				  - id: orders
				    uri: orders.internal
				""", "uri"), Arguments.of("unknown route field", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    filter: [ TokenRelay ]
				""", "filter"), Arguments.of("token exchange without audience or resource", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    filters:
				      - name: TokenExchange
				        args: { registration: idp }
				""", "audience"), Arguments.of("service account without registration", """
				routes:
				  - id: reports
				    uri: http://reports.internal
				    filters:
				      - name: ServiceAccount
				        args: { scope: "reports.read" }
				""", "registration"), Arguments.of("malformed scope", """
				routes:
				  - id: entra
				    uri: http://entra.internal
				    filters:
				      - name: OnBehalfOf
				        args: { registration: entra-obo, scope: "api://orders/.default \\"x\\"" }
				""", "scope"), Arguments.of("empty access rule", """
				routes:
				  - id: finance
				    uri: http://finance.internal
				    filters:
				      - name: RequireClaims
				        args: {}
				""", "args"), Arguments.of("step-up max-age without a unit (a bare number reads as milliseconds)", """
				routes:
				  - id: payments
				    uri: http://payments.internal
				    filters:
				      - name: StepUp
				        args: { max-age: 900 }
				""", "max-age"), Arguments.of("unknown auth value", """
				routes:
				  - id: status
				    uri: http://status.internal
				    metadata: { auth: anonymous }
				""", "auth"), Arguments.of("CORS policy with a misspelt key", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    metadata:
				      cors: { allowedOrigin: "https://app.example.com" }
				""", "allowedOrigin"), Arguments.of("CORS policy without origins", """
				routes:
				  - id: orders
				    uri: http://orders.internal
				    metadata:
				      cors: { allowedMethods: [ GET ] }
				""", "allowedOrigins"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFiles")
	void badFileWhenValidatedThenRejectedNamingTheField(String description, String yaml, String field) {
		List<Error> errors = validate(yaml);
		assertThat(errors).as(description).isNotEmpty();
		assertThat(errors.toString()).as(description).contains(field);
	}

	@Test
	void metadataWhenOtherKeysBesideTheGatewaysThenAccepted() {
		assertThat(validate("""
				routes:
				  - id: status
				    uri: http://status.internal
				    metadata:
				      auth: public
				      owner: platform-team
				      response-timeout: 200
				""")).isEmpty();
	}

	private static List<Error> validate(String yaml) {
		Map<String, Object> document = new Yaml().load(yaml);
		return SCHEMA.validate(JSON.valueToTree(document));
	}

}

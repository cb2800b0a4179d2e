package io.edgegateway.app.validation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.RouteDefinitionValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline validator beside a serving gateway: it knows every filter and predicate the
 * serving gateway builds routes with, so a route the gateway accepts is never refused
 * offline for a factory it lacks; and the serving gateway has none of its offline parts,
 * although its component scan covers the validator's package.
 */
class OfflineGatewayIntegrationTests {

	private static final Pattern KNOWN = Pattern.compile("unknown (filter|predicate) 'Nope'; known: \\[(.*?)]");

	@TempDir
	Path routes;

	@Test
	void offlineValidatorKnowsTheFiltersAndPredicatesOfTheServingGatewayWhichHasNoOfflinePart() {
		TeamRoutes.write(this.routes.resolve("nope.yaml"), """
				routes:
				  - id: nope
				    uri: http://nope.internal
				    predicates: [ "Nope=x" ]
				    filters: [ Nope ]
				""");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RouteValidationCommand.run(new String[] { "--validate", this.routes.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
		Map<String, Set<String>> offline = known(out.toString(StandardCharsets.UTF_8));

		RouteDefinition nope = new RouteDefinition();
		nope.setId("nope");
		nope.setUri(URI.create("http://nope.internal"));
		nope.setPredicates(List.of(new PredicateDefinition("Nope=x")));
		nope.setFilters(List.of(new FilterDefinition("Nope")));
		try (GatewayInstance serving = GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), Map.of())) {
			Map<String, Set<String>> live = known(String.join("\n",
					serving.context().getBean(RouteDefinitionValidator.class).validate(nope, List.of())));
			assertThat(offline).isEqualTo(live);
			assertThat(offline.get("filter")).contains("TokenRelay", "TokenExchange", "OnBehalfOf",
					"DelegatedServiceAccount", "ServiceAccount", "RequireClaims", "StepUp", "IdentityHeaders");
			assertThat(offline.get("predicate")).contains("Path", "Host", "Method", "Header");
			assertThat(serving.context().getBeanNamesForType(OfflineGatewayConfiguration.class)).isEmpty();
		}
	}

	private static Map<String, Set<String>> known(String problems) {
		Matcher matcher = KNOWN.matcher(problems);
		Map<String, Set<String>> known = new java.util.TreeMap<>();
		while (matcher.find()) {
			known.put(matcher.group(1), new TreeSet<>(Arrays.asList(matcher.group(2).split(", "))));
		}
		assertThat(known).as(problems).containsOnlyKeys("filter", "predicate");
		return known;
	}

}

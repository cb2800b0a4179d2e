package io.edgegateway.app.credential;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.routes.InvalidRoutesException;
import org.junit.jupiter.api.Test;

import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway whose routes name what it does not have refuses to start, and says every
 * problem at once, each naming the route and the filter's field.
 */
class RouteValidationIntegrationTests {

	@Test
	void routesNamingUnknownRegistrationsKeysOrFiltersThenStartupFailsNamingEach() {
		Map<String, Object> properties = new LinkedHashMap<>();
		route(properties, 0, "orders", "TokenExchange=ordrs, orders-api");
		route(properties, 1, "reports", "ServiceAccount=idp, reports.read");
		route(properties, 2, "drive", "DelegatedServiceAccount=workspace, drive.readonly");
		route(properties, 3, "typo", "TokenExchnage=idp, orders-api");
		route(properties, 4, "jwt-client", "ServiceAccount=reports-sa-jwt, reports.read");
		properties.put("spring.security.oauth2.client.registration.reports-sa-jwt.provider", "idp");
		properties.put("spring.security.oauth2.client.registration.reports-sa-jwt.client-id", "reports-sa-jwt");
		properties.put("spring.security.oauth2.client.registration.reports-sa-jwt.client-authentication-method",
				"private_key_jwt");
		properties.put("spring.security.oauth2.client.registration.reports-sa-jwt.authorization-grant-type",
				"client_credentials");
		assertThatThrownBy(() -> GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), properties))
			.satisfies((ex) -> {
				Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
				assertThat(root).isInstanceOf(InvalidRoutesException.class);
				assertThat(((InvalidRoutesException) root).getProblems()).hasSize(5)
					.anySatisfy((problem) -> assertThat(problem)
						.startsWith("route 'typo': filters: unknown filter 'TokenExchnage'; known: [")
						.contains("TokenExchange", "ServiceAccount", "RequireClaims", "IdentityHeaders"))
					.contains("route 'orders': filter TokenExchange: registration: 'ordrs' is not a "
							+ "configured client registration (spring.security.oauth2.client.registration.ordrs); "
							+ "configured: [idp, reports-sa-jwt]",
							"route 'reports': filter ServiceAccount: registration: 'idp' has "
									+ "authorization-grant-type authorization_code, SERVICE_ACCOUNT needs client_credentials",
							"route 'drive': filter DelegatedServiceAccount: service-account: 'workspace' is "
									+ "not a configured service account (edge.credentials.service-accounts.workspace.key-file); "
									+ "configured: []",
							"route 'jwt-client': filter ServiceAccount: registration: 'reports-sa-jwt' "
									+ "authenticates with private_key_jwt: edge.credentials.client-keys.reports-sa-jwt"
									+ ".private-key-file is not configured");
			});
	}

	@Test
	void publicRoutesAndCorsPoliciesThatCannotWorkThenStartupFailsNamingEach() {
		Map<String, Object> properties = new LinkedHashMap<>();
		route(properties, 0, "status", "TokenRelay");
		properties.put("spring.cloud.gateway.server.webflux.routes[0].metadata.auth", "public");
		route(properties, 1, "health", "StripPrefix=1");
		properties.put("spring.cloud.gateway.server.webflux.routes[1].metadata.auth", "everyone");
		route(properties, 2, "orders", "TokenRelay");
		properties.put("spring.cloud.gateway.server.webflux.routes[2].metadata.cors.allowedOrigins", "*");
		properties.put("spring.cloud.gateway.server.webflux.routes[2].metadata.cors.allowCredentials", "true");
		properties.put("spring.cloud.gateway.server.webflux.routes[2].metadata.cors.maxAge", "10m");
		assertThatThrownBy(() -> GatewayInstance.start(TestServers.idp().issuer(),
				TestServers.upstream().uri().toString(), properties))
			.satisfies((ex) -> assertThat(
					((InvalidRoutesException) NestedExceptionUtils.getMostSpecificCause(ex)).getProblems())
				.containsExactlyInAnyOrder(
						"route 'status': filters: TokenRelay needs a signed-in user, which a public route "
								+ "(metadata.auth: public) never has",
						"route 'health': metadata.auth: 'everyone' is not known; known: [public] (without it, a "
								+ "route needs a signed-in user)",
						"route 'orders': metadata.cors: allowCredentials true with allowedOrigins '*' would let "
								+ "every site send the user's requests and read the answers; list the origins "
								+ "(browsers refuse credentials for '*')",
						"route 'orders': metadata.cors.maxAge: '10m' is not a number of seconds"));
	}

	private static void route(Map<String, Object> properties, int index, String id, String filter) {
		String prefix = "spring.cloud.gateway.server.webflux.routes[" + index + "].";
		properties.put(prefix + "id", id);
		properties.put(prefix + "uri", TestServers.upstream().uri().toString());
		properties.put(prefix + "predicates[0]", "Path=/" + id + "/**");
		properties.put(prefix + "filters[0]", filter);
	}

}

package io.edgegateway.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm the gateway's Keycloak tests run against, created over the admin REST API as
 * {@code docs/providers/keycloak.md} describes it:
 * <ul>
 * <li>realm {@code edge}: 60 s access tokens, login and token events recorded;</li>
 * <li>users {@code alice} (group and realm role {@code engineering}, tenant {@code t1})
 * and {@code bob} ({@code sales}, {@code t2});</li>
 * <li>{@code edge-gateway}: the gateway's confidential client (authorization code with
 * PKCE, standard token exchange), whose access tokens carry its own audience, whose ID
 * token and user info carry the realm roles, the groups (not their full path) and the
 * tenant, and which may request the optional scope {@code orders-api} (the audience
 * {@code orders-api});</li>
 * <li>{@code orders-api} and {@code reports-api}: upstream APIs, audiences only;</li>
 * <li>{@code reports-sa}: a service account (client credentials) with the optional scope
 * {@code reports.read} (the audience {@code reports-api});</li>
 * <li>{@code edge-cli}: a public client with the password grant, whose tokens are for the
 * gateway (audience {@code edge-gateway}): the bearer client of the tests.</li>
 * </ul>
 */
public final class EdgeRealm {

	/**
	 * The realm's name.
	 */
	public static final String NAME = "edge";

	/**
	 * The gateway's client secret.
	 */
	public static final String GATEWAY_SECRET = "edge-gateway-secret";

	/**
	 * The service account's client secret.
	 */
	public static final String REPORTS_SA_SECRET = "reports-sa-secret";

	/**
	 * How long access tokens live, as Keycloak's default.
	 */
	public static final int ACCESS_TOKEN_SECONDS = 60;

	private final KeycloakServer server;

	private final KeycloakAdmin admin;

	private EdgeRealm(KeycloakServer server, KeycloakAdmin admin) {
		this.server = server;
		this.admin = admin;
	}

	/**
	 * Create the realm, replacing one of the same name.
	 * @param server the running Keycloak
	 * @param gatewayUrl the gateway's public base URL, for its redirect URIs
	 * @return the realm
	 */
	public static EdgeRealm create(KeycloakServer server, String gatewayUrl) {
		KeycloakAdmin admin = new KeycloakAdmin(server.url());
		admin.delete("/" + NAME);
		admin.post("",
				Map.of("realm", NAME, "enabled", true, "accessTokenLifespan", ACCESS_TOKEN_SECONDS, "eventsEnabled",
						true, "eventsExpiration", 3600, "enabledEventTypes",
						List.of("LOGIN", "LOGIN_ERROR", "CODE_TO_TOKEN", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR",
								"TOKEN_EXCHANGE", "TOKEN_EXCHANGE_ERROR", "CLIENT_LOGIN", "LOGOUT"),
						"roles", Map.of("realm", List.of(Map.of("name", "engineering"), Map.of("name", "sales"))),
						"groups", List.of(Map.of("name", "engineering", "realmRoles", List.of("engineering")),
								Map.of("name", "sales", "realmRoles", List.of("sales")))));
		EdgeRealm realm = new EdgeRealm(server, admin);
		realm.allowTenantAttribute();
		realm.createScope("orders-api", audience("orders-api"));
		realm.createScope("reports.read", audience("reports-api"));
		realm.createClient(audienceOnly("orders-api"));
		realm.createClient(audienceOnly("reports-api"));
		realm.createClient(gateway(gatewayUrl));
		realm.addOptionalScope("edge-gateway", "orders-api");
		Map<String, Object> serviceAccount = confidential("reports-sa", REPORTS_SA_SECRET);
		serviceAccount.put("serviceAccountsEnabled", true);
		realm.createClient(serviceAccount);
		realm.addOptionalScope("reports-sa", "reports.read");
		realm.createClient(cli());
		realm.createUser("alice", "Alice", "alice@example.com", "engineering", "t1");
		realm.createUser("bob", "Bob", "bob@example.com", "sales", "t2");
		return realm;
	}

	/**
	 * The realm's issuer.
	 * @return e.g. {@code http://127.0.0.1:41234/realms/edge}
	 */
	public String issuer() {
		return this.server.url() + "/realms/" + NAME;
	}

	/**
	 * The realm's token endpoint.
	 * @return the endpoint
	 */
	public String tokenEndpoint() {
		return issuer() + "/protocol/openid-connect/token";
	}

	public KeycloakAdmin admin() {
		return this.admin;
	}

	/**
	 * A user's id, the {@code sub} of the user's tokens.
	 * @param username the user
	 * @return the id
	 */
	public String userId(String username) {
		return this.admin.idOf("/" + NAME + "/users?exact=true&username=" + username);
	}

	/**
	 * The ids of a user's sessions ({@code sid} in the user's tokens).
	 * @param username the user
	 * @return the session ids
	 */
	public List<String> sessions(String username) {
		return this.admin.list("/" + NAME + "/users/" + userId(username) + "/sessions")
			.stream()
			.map((session) -> (String) session.get("id"))
			.toList();
	}

	/**
	 * An administrator ends every session of a user ("Sign out" in the admin console).
	 * @param username the user
	 */
	public void logout(String username) {
		this.admin.post("/" + NAME + "/users/" + userId(username) + "/logout", null);
	}

	/**
	 * The events Keycloak recorded of one type, newest first.
	 * @param type e.g. {@code TOKEN_EXCHANGE_ERROR}
	 * @return the events
	 */
	public List<Map<String, Object>> events(String type) {
		return this.admin.list("/" + NAME + "/events?max=1000&type=" + type);
	}

	/**
	 * The events Keycloak recorded of one type for one session, newest first.
	 * @param type e.g. {@code REFRESH_TOKEN}
	 * @param sessionId the session
	 * @return the events
	 */
	public List<Map<String, Object>> events(String type, String sessionId) {
		return events(type).stream().filter((event) -> sessionId.equals(event.get("sessionId"))).toList();
	}

	/**
	 * A user's access token from the bearer client {@code edge-cli} (password grant).
	 * @param username the user
	 * @param password the password
	 * @return the access token
	 */
	public String passwordGrant(String username, String password) {
		return (String) this.admin
			.tokenRequest(tokenEndpoint(),
					Map.of("grant_type", "password", "client_id", "edge-cli", "username", username, "password",
							password, "scope", "openid"))
			.get("access_token");
	}

	/**
	 * The service account's access token (client credentials).
	 * @return the access token
	 */
	public String serviceAccountToken() {
		return (String) this.admin
			.tokenRequest(tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", "reports-sa",
					"client_secret", REPORTS_SA_SECRET))
			.get("access_token");
	}

	/**
	 * Custom user attributes ({@code tenant}) are kept and mapped only when the user
	 * profile allows them (Keycloak 24+).
	 */
	private void allowTenantAttribute() {
		Map<String, Object> profile = new LinkedHashMap<>(this.admin.get("/" + NAME + "/users/profile"));
		profile.put("unmanagedAttributePolicy", "ADMIN_EDIT");
		this.admin.put("/" + NAME + "/users/profile", profile);
	}

	private void createScope(String name, Map<String, Object> mapper) {
		this.admin.post("/" + NAME + "/client-scopes", Map.of("name", name, "protocol", "openid-connect", "attributes",
				Map.of("include.in.token.scope", "true"), "protocolMappers", List.of(mapper)));
	}

	private void createClient(Map<String, Object> client) {
		this.admin.post("/" + NAME + "/clients", client);
	}

	private void addOptionalScope(String clientId, String scope) {
		String client = this.admin.idOf("/" + NAME + "/clients?clientId=" + clientId);
		String scopeId = this.admin.list("/" + NAME + "/client-scopes")
			.stream()
			.filter((candidate) -> scope.equals(candidate.get("name")))
			.map((candidate) -> (String) candidate.get("id"))
			.findFirst()
			.orElseThrow();
		this.admin.put("/" + NAME + "/clients/" + client + "/optional-client-scopes/" + scopeId, Map.of());
	}

	private void createUser(String username, String firstName, String email, String group, String tenant) {
		this.admin.post("/" + NAME + "/users",
				Map.of("username", username, "enabled", true, "email", email, "emailVerified", true, "firstName",
						firstName, "lastName", "Example", "attributes", Map.of("tenant", List.of(tenant)), "groups",
						List.of("/" + group), "credentials",
						List.of(Map.of("type", "password", "value", username + "-password", "temporary", false))));
	}

	/**
	 * The gateway's client: signs users in (authorization code, PKCE S256), exchanges
	 * their tokens (standard token exchange), and is the audience of their access tokens,
	 * which token exchange requires of the subject token.
	 */
	private static Map<String, Object> gateway(String gatewayUrl) {
		Map<String, Object> client = confidential("edge-gateway", GATEWAY_SECRET);
		client.put("standardFlowEnabled", true);
		client.put("redirectUris", List.of(gatewayUrl + "/login/oauth2/code/idp"));
		client.put("attributes", Map.of("pkce.code.challenge.method", "S256", "standard.token.exchange.enabled", "true",
				"post.logout.redirect.uris", gatewayUrl + "/"));
		client.put("protocolMappers",
				List.of(audience("edge-gateway"), realmRolesInIdToken(), groups(), attribute("tenant")));
		return client;
	}

	/**
	 * The bearer client of the tests: a command line tool signing users in with the
	 * password grant, for the gateway's audience.
	 */
	private static Map<String, Object> cli() {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", "edge-cli");
		client.put("publicClient", true);
		client.put("standardFlowEnabled", false);
		client.put("directAccessGrantsEnabled", true);
		client.put("protocolMappers", List.of(audience("edge-gateway"), groups(), attribute("tenant")));
		return client;
	}

	private static Map<String, Object> confidential(String clientId, String secret) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("publicClient", false);
		client.put("clientAuthenticatorType", "client-secret");
		client.put("secret", secret);
		client.put("standardFlowEnabled", false);
		client.put("directAccessGrantsEnabled", false);
		return client;
	}

	private static Map<String, Object> audienceOnly(String clientId) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("publicClient", false);
		client.put("bearerOnly", false);
		client.put("standardFlowEnabled", false);
		client.put("directAccessGrantsEnabled", false);
		return client;
	}

	private static Map<String, Object> audience(String clientId) {
		return mapper(clientId + "-audience", "oidc-audience-mapper", Map.of("included.client.audience", clientId,
				"access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
	}

	/**
	 * The realm roles are in the access token by default ({@code roles} scope), not in
	 * the ID token or the user info, where the gateway reads a browser user's claims.
	 */
	private static Map<String, Object> realmRolesInIdToken() {
		return mapper("realm-roles-in-id-token", "oidc-usermodel-realm-role-mapper",
				Map.of("claim.name", "realm_access.roles", "multivalued", "true", "jsonType.label", "String",
						"id.token.claim", "true", "userinfo.token.claim", "true", "access.token.claim", "false"));
	}

	private static Map<String, Object> groups() {
		return mapper("groups", "oidc-group-membership-mapper", Map.of("claim.name", "groups", "full.path", "false",
				"id.token.claim", "true", "access.token.claim", "true", "userinfo.token.claim", "true"));
	}

	private static Map<String, Object> attribute(String name) {
		return mapper(name, "oidc-usermodel-attribute-mapper",
				Map.of("user.attribute", name, "claim.name", name, "jsonType.label", "String", "id.token.claim", "true",
						"access.token.claim", "true", "userinfo.token.claim", "true"));
	}

	private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
		return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
	}

}

package io.edgegateway.keycloak;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The realm the gateway's Keycloak tests run against, created over the admin REST API as
 * {@code docs/providers/keycloak.md} describes it:
 * <ul>
 * <li>realm {@code edge}: 60 s access tokens, login and token events recorded;</li>
 * <li>users {@code alice} (group and realm role {@code engineering}, tenant {@code t1}),
 * {@code bob} ({@code sales}, {@code t2}) and {@code carol} ({@code engineering},
 * {@code t1}), who also has an authenticator app (an OTP credential, {@link #otp});</li>
 * <li>the browser flow {@value #STEP_UP_FLOW}: levels of authentication, {@code silver}
 * (level 1: username and password) and {@code gold} (level 2: and a one-time code), as
 * Keycloak's guide builds a "browser login flow with step-up mechanism";</li>
 * <li>{@code edge-gateway}: the gateway's confidential client (authorization code with
 * PKCE, standard token exchange, back-channel logout to the gateway with the session),
 * whose access tokens carry its own audience, whose ID token and user info carry the
 * realm roles, the groups (not their full path) and the tenant, and which may request the
 * optional scope {@code orders-api} (the audience {@code orders-api}); its browser flow
 * is {@value #STEP_UP_FLOW}, and its ACR to LoA mapping names the levels
 * ({@value #ACR_LOA_MAP});</li>
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

	/**
	 * The browser flow with levels of authentication, bound to the gateway's client.
	 */
	public static final String STEP_UP_FLOW = "step-up";

	/**
	 * The gateway client's ACR to LoA mapping (client attribute {@code acr.loa.map}): the
	 * {@code acr} a token carries for each level the step-up flow authenticates, and the
	 * {@code acr_values} the gateway may ask for.
	 */
	public static final String ACR_LOA_MAP = "{\"silver\":1,\"gold\":2}";

	/**
	 * How long a {@code gold} sign-in counts for later requests in the same Keycloak
	 * session (the level's max age); {@code silver} counts for Keycloak's default, 10
	 * hours.
	 */
	private static final int GOLD_MAX_AGE_SECONDS = 300;

	/**
	 * The secret of carol's authenticator app: Keycloak computes codes from its UTF-8
	 * bytes.
	 */
	private static final String CAROL_OTP_SECRET = "carol-authenticator-app";

	private static final String BACK_CHANNEL_LOGOUT_URL = "backchannel.logout.url";

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
		String stepUp = realm.createStepUpFlow();
		realm.createClient(gateway(gatewayUrl, stepUp));
		realm.addOptionalScope("edge-gateway", "orders-api");
		Map<String, Object> serviceAccount = confidential("reports-sa", REPORTS_SA_SECRET);
		serviceAccount.put("serviceAccountsEnabled", true);
		realm.createClient(serviceAccount);
		realm.addOptionalScope("reports-sa", "reports.read");
		realm.createClient(cli());
		realm.createUser("alice", "Alice", "alice@example.com", "engineering", "t1");
		realm.createUser("bob", "Bob", "bob@example.com", "sales", "t2");
		realm.createUser("carol", "Carol", "carol@example.com", "engineering", "t1", otpCredential(CAROL_OTP_SECRET));
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
	 * Sets the gateway client's back-channel logout URL, or turns back-channel logout off
	 * (Keycloak then tells the gateway nothing when a session ends).
	 * @param gatewayUrl the gateway's public base URL, or {@code null} for off
	 */
	public void backChannelLogout(@Nullable String gatewayUrl) {
		String client = this.admin.idOf("/" + NAME + "/clients?clientId=edge-gateway");
		Map<String, Object> representation = new LinkedHashMap<>(this.admin.get("/" + NAME + "/clients/" + client));
		@SuppressWarnings("unchecked")
		Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) representation.get("attributes"));
		attributes.put(BACK_CHANNEL_LOGOUT_URL, (gatewayUrl != null) ? backChannelLogoutUrl(gatewayUrl) : "");
		representation.put("attributes", attributes);
		this.admin.put("/" + NAME + "/clients/" + client, representation);
	}

	private static String backChannelLogoutUrl(String gatewayUrl) {
		return gatewayUrl + "/logout/connect/back-channel/idp";
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
	 * The code carol's authenticator app shows at a moment.
	 * @param time the moment
	 * @return six digits
	 */
	public static String otp(Instant time) {
		return Totp.code(CAROL_OTP_SECRET.getBytes(StandardCharsets.UTF_8), time, 6);
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

	/**
	 * Keycloak's "browser login flow with step-up mechanism": the SSO cookie, else the
	 * forms of the levels not yet reached. Each level is a conditional sub-flow whose
	 * condition ("Condition - Level Of Authentication") holds when the client asked for
	 * that level or higher (OpenID Connect {@code acr_values}, mapped by the client's
	 * {@code acr.loa.map}) and the session has not reached it within its max age; the
	 * first sign-in of a session always takes level 1. Built over the admin REST API as
	 * the admin console builds it: add, then set each requirement.
	 * @return the flow's id
	 */
	private String createStepUpFlow() {
		this.admin.post("/" + NAME + "/authentication/flows", Map.of("alias", STEP_UP_FLOW, "providerId", "basic-flow",
				"topLevel", true, "builtIn", false, "description", "Browser sign-in with levels silver and gold"));
		addExecution(STEP_UP_FLOW, "auth-cookie", "ALTERNATIVE");
		addSubFlow(STEP_UP_FLOW, "step-up-forms", "ALTERNATIVE");
		addSubFlow("step-up-forms", "step-up-silver", "CONDITIONAL");
		addLevelCondition("step-up-silver", "silver", 1, 36000);
		addExecution("step-up-silver", "auth-username-password-form", "REQUIRED");
		addSubFlow("step-up-forms", "step-up-gold", "CONDITIONAL");
		addLevelCondition("step-up-gold", "gold", 2, GOLD_MAX_AGE_SECONDS);
		addExecution("step-up-gold", "auth-otp-form", "REQUIRED");
		return this.admin.list("/" + NAME + "/authentication/flows")
			.stream()
			.filter((flow) -> STEP_UP_FLOW.equals(flow.get("alias")))
			.map((flow) -> (String) flow.get("id"))
			.findFirst()
			.orElseThrow();
	}

	private void addExecution(String flow, String authenticator, String requirement) {
		this.admin.post(executions(flow) + "/execution", Map.of("provider", authenticator));
		require(flow, (execution) -> authenticator.equals(execution.get("providerId")), requirement);
	}

	private void addSubFlow(String flow, String alias, String requirement) {
		this.admin.post(executions(flow) + "/flow",
				Map.of("alias", alias, "type", "basic-flow", "provider", "registration-page-form", "description", ""));
		require(flow, (execution) -> alias.equals(execution.get("displayName")), requirement);
	}

	private void addLevelCondition(String flow, String alias, int level, int maxAgeSeconds) {
		addExecution(flow, "conditional-level-of-authentication", "REQUIRED");
		String execution = execution(flow,
				(candidate) -> "conditional-level-of-authentication".equals(candidate.get("providerId")))
			.get("id")
			.toString();
		this.admin.post("/" + NAME + "/authentication/executions/" + execution + "/config", Map.of("alias", alias,
				"config",
				Map.of("loa-condition-level", String.valueOf(level), "loa-max-age", String.valueOf(maxAgeSeconds))));
	}

	/**
	 * Set the requirement of one of a flow's own executions (the admin API adds them
	 * {@code DISABLED}).
	 */
	private void require(String flow, Predicate<Map<String, Object>> which, String requirement) {
		Map<String, Object> execution = new LinkedHashMap<>(execution(flow, which));
		execution.put("requirement", requirement);
		this.admin.put(executions(flow), execution);
	}

	private Map<String, Object> execution(String flow, Predicate<Map<String, Object>> which) {
		return this.admin.list(executions(flow))
			.stream()
			.filter((execution) -> ((Number) execution.get("level")).intValue() == 0)
			.filter(which)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No such execution in flow " + flow));
	}

	private static String executions(String flow) {
		return "/" + NAME + "/authentication/flows/" + flow + "/executions";
	}

	private void createUser(String username, String firstName, String email, String group, String tenant,
			Map<?, ?>... otherCredentials) {
		List<Map<?, ?>> credentials = new ArrayList<>();
		credentials.add(Map.of("type", "password", "value", username + "-password", "temporary", false));
		credentials.addAll(List.of(otherCredentials));
		this.admin.post("/" + NAME + "/users",
				Map.of("username", username, "enabled", true, "email", email, "emailVerified", true, "firstName",
						firstName, "lastName", "Example", "attributes", Map.of("tenant", List.of(tenant)), "groups",
						List.of("/" + group), "credentials", credentials));
	}

	/**
	 * A time-based OTP credential as Keycloak stores one (and exports it): the secret,
	 * and the realm's default policy (HMAC-SHA1, six digits, 30 s). The admin API creates
	 * it through Keycloak's OTP credential provider, as a realm import does.
	 */
	private static Map<String, Object> otpCredential(String secret) {
		return Map.of("type", "otp", "userLabel", "authenticator app", "secretData", "{\"value\":\"" + secret + "\"}",
				"credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":" + Totp.STEP.toSeconds()
						+ ",\"algorithm\":\"HmacSHA1\"}");
	}

	/**
	 * The gateway's client: signs users in (authorization code, PKCE S256), exchanges
	 * their tokens (standard token exchange), and is the audience of their access tokens,
	 * which token exchange requires of the subject token. Its users sign in with the
	 * step-up flow (Advanced, "Authentication flow overrides"), whose levels its ACR to
	 * LoA mapping names.
	 */
	private static Map<String, Object> gateway(String gatewayUrl, String browserFlow) {
		Map<String, Object> client = confidential("edge-gateway", GATEWAY_SECRET);
		client.put("standardFlowEnabled", true);
		client.put("redirectUris", List.of(gatewayUrl + "/login/oauth2/code/idp"));
		client.put("attributes", Map.of("pkce.code.challenge.method", "S256", "standard.token.exchange.enabled", "true",
				"post.logout.redirect.uris", gatewayUrl + "/", "acr.loa.map", ACR_LOA_MAP, BACK_CHANNEL_LOGOUT_URL,
				backChannelLogoutUrl(gatewayUrl), "backchannel.logout.session.required", "true"));
		client.put("authenticationFlowBindingOverrides", Map.of("browser", browserFlow));
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

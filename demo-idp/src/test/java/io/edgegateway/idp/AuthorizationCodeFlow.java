package io.edgegateway.idp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the authorization code flow with PKCE over real HTTP, the way a browser would:
 * authorization request, login page, login form post, back to the authorization endpoint,
 * redirect with the code (not followed). Keeps the session cookie, so the same flow can
 * log out afterwards.
 */
final class AuthorizationCodeFlow {

	static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/idp";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String issuer;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String codeVerifier = randomUrlSafe();

	AuthorizationCodeFlow(String issuer) {
		this.issuer = issuer;
	}

	/**
	 * Logs a user in and exchanges the code (as {@code edge-gateway}), for the user's
	 * access, refresh and ID tokens.
	 */
	static TokenEndpoint.Response signIn(String issuer, String username, String password)
			throws IOException, InterruptedException {
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(issuer);
		String code = flow.authorize(username, password, REDIRECT_URI);
		TokenEndpoint.Response tokens = new TokenEndpoint(issuer).request(Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", REDIRECT_URI, "code_verifier", flow.codeVerifier()));
		assertThat(tokens.status()).isEqualTo(200);
		return tokens;
	}

	String codeVerifier() {
		return this.codeVerifier;
	}

	/**
	 * Logs the user in and returns the authorization code sent to the redirect URI.
	 */
	String authorize(String username, String password, String redirectUri) throws IOException, InterruptedException {
		URI authorizationRequest = UriComponentsBuilder.fromUriString(this.issuer + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "edge-gateway")
			.queryParam("scope", "openid profile email")
			.queryParam("redirect_uri", redirectUri)
			.queryParam("state", "some-state")
			.queryParam("nonce", "some-nonce")
			.queryParam("code_challenge", codeChallenge(this.codeVerifier))
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUri();
		HttpResponse<String> toLogin = get(authorizationRequest);
		assertThat(toLogin.statusCode()).isEqualTo(302);
		HttpResponse<String> loginPage = get(location(toLogin));
		assertThat(loginPage.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
		assertThat(csrf.find()).as("the login page has a _csrf field").isTrue();
		HttpResponse<String> loggedIn = this.http.send(HttpRequest.newBuilder(URI.create(this.issuer + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))))
			.build(), BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		URI backToAuthorization = location(loggedIn);
		assertThat(backToAuthorization.getPath()).isEqualTo("/oauth2/authorize");
		HttpResponse<String> toClient = get(backToAuthorization);
		assertThat(toClient.statusCode()).isEqualTo(302);
		URI callback = location(toClient);
		assertThat(callback.toString()).startsWith(redirectUri + "?");
		Map<String, String> parameters = UriComponentsBuilder.fromUri(callback)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(parameters).containsEntry("state", "some-state");
		return parameters.get("code");
	}

	HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
				BodyHandlers.ofString());
	}

	static String form(Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> {
			if (!form.isEmpty()) {
				form.append('&');
			}
			form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return form.toString();
	}

	private URI location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return URI.create(this.issuer).resolve(location);
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String codeChallenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

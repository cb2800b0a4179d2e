package io.edgegateway.app.logout;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.edgegateway.app.security.SignInRegistrations;
import io.edgegateway.filters.request.RequestIds;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The back-channel logout endpoint, {@code POST} {@value #PATH} with the form parameter
 * {@code logout_token}, at Spring Security's default path: the registration the path
 * names (one users sign in with) decides whose keys and claims the token must have
 * ({@link LogoutTokenDecoders}), and {@link BackChannelLogout} ends the sessions it
 * names. The answer is {@code 200}, or {@code 400} {@code application/json}
 * {@code {"error":"invalid_request","error_description":...}} saying every problem found,
 * when nothing changed; both {@code Cache-Control: no-store}. Spring Security's own
 * back-channel logout support keeps its sessions in each replica's memory and logs them
 * out by calling each replica's logout endpoint; here the session index in Redis is the
 * registry and any replica ends the sessions for all.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest">OpenID Connect
 * Back-Channel Logout 1.0, sections 2.5 to 2.8</a>
 */
final class BackChannelLogoutWebFilter implements WebFilter {

	/**
	 * The endpoint's path.
	 */
	static final String PATH = "/logout/connect/back-channel/{registrationId}";

	/**
	 * The requests the endpoint answers.
	 */
	static final ServerWebExchangeMatcher MATCHER = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, PATH);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ReactiveClientRegistrationRepository registrations;

	private final SignInRegistrations signIns;

	private final LogoutTokenDecoders decoders;

	private final BackChannelLogout logout;

	BackChannelLogoutWebFilter(ReactiveClientRegistrationRepository registrations, SignInRegistrations signIns,
			LogoutTokenDecoders decoders, BackChannelLogout logout) {
		this.registrations = registrations;
		this.signIns = signIns;
		this.decoders = decoders;
		this.logout = logout;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return MATCHER.matches(exchange)
			.flatMap((match) -> match.isMatch()
					? logout(exchange, String.valueOf(match.getVariables().get("registrationId")))
					: chain.filter(exchange));
	}

	private Mono<Void> logout(ServerWebExchange exchange, String registrationId) {
		return registration(registrationId)
			.zipWith(exchange.getFormData()
				.mapNotNull((form) -> form.getFirst("logout_token"))
				.switchIfEmpty(Mono.error(() -> new InvalidLogoutTokenException("logout_token is missing"))))
			.flatMap((found) -> decode(found.getT1(), found.getT2()))
			.flatMap((token) -> this.logout.logout(token, exchange.getAttribute(RequestIds.ATTRIBUTE)))
			.then(Mono.defer(() -> write(exchange, HttpStatus.OK, null)))
			.onErrorResume(InvalidLogoutTokenException.class, (ex) -> refuse(exchange, ex.getMessage()));
	}

	private Mono<ClientRegistration> registration(String registrationId) {
		if (!this.signIns.isOffered(registrationId)) {
			return Mono.error(new InvalidLogoutTokenException(
					"'" + registrationId + "' is not a registration users sign in with"));
		}
		return this.registrations.findByRegistrationId(registrationId)
			.switchIfEmpty(Mono.error(() -> new InvalidLogoutTokenException(
					"'" + registrationId + "' is not a registration users sign in with")));
	}

	private Mono<OidcLogoutToken> decode(ClientRegistration registration, String logoutToken) {
		return Mono.defer(() -> this.decoders.decoder(registration).decode(logoutToken))
			.onErrorMap(BadJwtException.class, (ex) -> new InvalidLogoutTokenException(describe(ex)))
			.map((jwt) -> token(logoutToken, jwt));
	}

	private static OidcLogoutToken token(String logoutToken, Jwt jwt) {
		try {
			return OidcLogoutToken.withTokenValue(logoutToken)
				.claims((claims) -> claims.putAll(jwt.getClaims()))
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLogoutTokenException(String.valueOf(ex.getMessage()));
		}
	}

	private static String describe(BadJwtException ex) {
		if (ex instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
			return invalid.getErrors()
				.stream()
				.map((error) -> (error.getDescription() != null) ? error.getDescription() : error.getErrorCode())
				.collect(Collectors.joining("; "));
		}
		// Nimbus says what failed (e.g. "Signed JWT rejected: Invalid signature") in the
		// cause; Spring's message only says that it failed.
		Throwable cause = ex.getCause();
		return String.valueOf((cause != null && cause.getMessage() != null) ? cause.getMessage() : ex.getMessage());
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, @Nullable String description) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("error", "invalid_request");
		error.put("error_description", description);
		return write(exchange, HttpStatus.BAD_REQUEST, error);
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, @Nullable Map<String, Object> body) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setCacheControl(CacheControl.noStore());
		if (body == null) {
			return response.setComplete();
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}

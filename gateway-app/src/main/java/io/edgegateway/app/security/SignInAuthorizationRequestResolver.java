package io.edgegateway.app.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a sign-in's parameters ({@link SignInParameters}: {@code prompt},
 * {@code acr_values}, {@code max_age}) on to the identity provider's authorization
 * endpoint: a user whose session the provider ended with {@code login_required} meets the
 * login screen it asked for, and a route's step-up gets the sign-in it requires, not a
 * silent sign-in that fails again.
 */
final class SignInAuthorizationRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

	private final ServerOAuth2AuthorizationRequestResolver delegate;

	private final Map<String, Map<String, String>> configured;

	private final SignInRegistrations signIns;

	/**
	 * Create the resolver.
	 * @param delegate resolves the request Spring Security sends
	 * @param configured the parameters configured per registration
	 * ({@code edge.security.authorization-parameters}), sent before the sign-in's own
	 * @param signIns the registrations browsers may sign in with; any other gets
	 * {@code 400}
	 */
	SignInAuthorizationRequestResolver(ServerOAuth2AuthorizationRequestResolver delegate,
			Map<String, Map<String, String>> configured, SignInRegistrations signIns) {
		this.delegate = delegate;
		this.configured = Map.copyOf(configured);
		this.signIns = signIns;
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.startsWith(SignInRegistrations.AUTHORIZATION_PATH)) {
			String registrationId = path.substring(SignInRegistrations.AUTHORIZATION_PATH.length());
			if (!this.signIns.isOffered(registrationId)) {
				return notOffered(registrationId);
			}
		}
		return this.delegate.resolve(exchange).map((request) -> withParameters(request, exchange));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		if (!this.signIns.isOffered(clientRegistrationId)) {
			return notOffered(clientRegistrationId);
		}
		return this.delegate.resolve(exchange, clientRegistrationId)
			.map((request) -> withParameters(request, exchange));
	}

	private static Mono<OAuth2AuthorizationRequest> notOffered(String registrationId) {
		return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"'" + registrationId + "' is not a registration browsers sign in with"));
	}

	private OAuth2AuthorizationRequest withParameters(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
		Map<String, String> configured = this.configured
			.getOrDefault(request.<String>getAttribute(OAuth2ParameterNames.REGISTRATION_ID), Map.of());
		Map<String, String> signIn = SignInParameters.of(exchange.getRequest().getQueryParams());
		if (configured.isEmpty() && signIn.isEmpty()) {
			return request;
		}
		return OAuth2AuthorizationRequest.from(request).additionalParameters((additional) -> {
			additional.putAll(configured);
			additional.putAll(signIn);
		}).build();
	}

}

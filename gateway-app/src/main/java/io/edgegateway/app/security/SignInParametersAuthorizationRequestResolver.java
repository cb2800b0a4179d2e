package io.edgegateway.app.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a sign-in's parameters ({@link SignInParameters}: {@code prompt},
 * {@code acr_values}, {@code max_age}) on to the identity provider's authorization
 * endpoint: a user whose session the provider ended with {@code login_required} meets the
 * login screen it asked for, and a route's step-up gets the sign-in it requires, not a
 * silent sign-in that fails again.
 */
final class SignInParametersAuthorizationRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

	private final ServerOAuth2AuthorizationRequestResolver delegate;

	private final Map<String, Map<String, String>> configured;

	/**
	 * Create the resolver.
	 * @param delegate resolves the request Spring Security sends
	 * @param configured the parameters configured per registration
	 * ({@code edge.security.authorization-parameters}), sent before the sign-in's own
	 */
	SignInParametersAuthorizationRequestResolver(ServerOAuth2AuthorizationRequestResolver delegate,
			Map<String, Map<String, String>> configured) {
		this.delegate = delegate;
		this.configured = Map.copyOf(configured);
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		return this.delegate.resolve(exchange).map((request) -> withParameters(request, exchange));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		return this.delegate.resolve(exchange, clientRegistrationId)
			.map((request) -> withParameters(request, exchange));
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

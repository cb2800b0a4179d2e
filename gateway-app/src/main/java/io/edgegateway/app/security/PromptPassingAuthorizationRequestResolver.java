package io.edgegateway.app.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a sign-in's {@code prompt} ({@link SignInPrompts}) on to the identity provider's
 * authorization endpoint, so that a user whose session the provider ended with
 * {@code login_required} or {@code consent_required} meets the login or consent screen it
 * asked for, not a silent sign-in that fails again.
 */
final class PromptPassingAuthorizationRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

	private final ServerOAuth2AuthorizationRequestResolver delegate;

	PromptPassingAuthorizationRequestResolver(ServerOAuth2AuthorizationRequestResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
		return this.delegate.resolve(exchange).map((request) -> withPrompt(request, exchange));
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
		return this.delegate.resolve(exchange, clientRegistrationId).map((request) -> withPrompt(request, exchange));
	}

	private static OAuth2AuthorizationRequest withPrompt(OAuth2AuthorizationRequest request,
			ServerWebExchange exchange) {
		String prompt = SignInPrompts.of(exchange);
		if (prompt == null) {
			return request;
		}
		return OAuth2AuthorizationRequest.from(request)
			.additionalParameters((parameters) -> parameters.put(SignInPrompts.PARAMETER, prompt))
			.build();
	}

}

package io.edgegateway.idp.server;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the demo identity provider, bound from {@code demo-idp.*}.
 * {@code DemoIdentityProvider} sets every one of them.
 *
 * @param issuer the issuer, for example {@code http://127.0.0.1:9000}
 * @param redirectUris the redirect URIs registered for the {@code edge-gateway} client
 * @param postLogoutRedirectUris the post-logout redirect URIs registered for the
 * {@code edge-gateway} client
 * @param accessTokenTimeToLive how long access tokens live
 * @param reuseRefreshTokens whether a refresh token stays usable after use ({@code false}
 * rotates it)
 */
@ConfigurationProperties("demo-idp")
public record DemoIdentityProviderProperties(String issuer, @DefaultValue List<String> redirectUris,
		@DefaultValue List<String> postLogoutRedirectUris, Duration accessTokenTimeToLive, boolean reuseRefreshTokens) {

}

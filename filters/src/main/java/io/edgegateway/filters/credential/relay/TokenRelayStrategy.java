package io.edgegateway.filters.credential.relay;

import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSource;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.CredentialStrategy;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.user.UserTokens;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.Assert;

/**
 * Token relay: the user's own access token, for routes whose upstream accepts the tokens
 * of the gateway's identity provider, refreshed when it has expired ({@link UserTokens}).
 */
public final class TokenRelayStrategy implements CredentialStrategy {

	private final UserTokens userTokens;

	private final ClientRegistrations registrations;

	public TokenRelayStrategy(UserTokens userTokens, ClientRegistrations registrations) {
		Assert.notNull(userTokens, "userTokens cannot be null");
		Assert.notNull(registrations, "registrations cannot be null");
		this.userTokens = userTokens;
		this.registrations = registrations;
	}

	@Override
	public CredentialMode mode() {
		return CredentialMode.TOKEN_RELAY;
	}

	@Override
	public CredentialSource prepare(CredentialSpec spec, Credentials credentials) {
		if (spec.registration() != null) {
			this.registrations.require(spec, "registration", spec.registration(),
					AuthorizationGrantType.AUTHORIZATION_CODE);
		}
		return (user) -> this.userTokens.accessToken(user, spec.registration()).map(MintedToken::of);
	}

}

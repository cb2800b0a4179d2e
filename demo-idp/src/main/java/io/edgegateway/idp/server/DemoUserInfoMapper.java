package io.edgegateway.idp.server;

import java.util.function.Function;

import io.edgegateway.idp.DemoUsers;

import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * Answers the OIDC user info endpoint with the same profile claims the tokens carry.
 * Spring Authorization Server's default mapper would copy only the standard claims of the
 * ID token and so drop {@code groups} and {@code tenant}.
 */
final class DemoUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		String username = context.getAuthorization().getPrincipalName();
		OidcUserInfo.Builder userInfo = OidcUserInfo.builder().subject(username);
		DemoUsers.find(username).ifPresent((profile) -> userInfo.claims((claims) -> claims.putAll(profile.claims())));
		return userInfo.build();
	}

}

package io.edgegateway.idp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations the demo provider issued, in memory, found by any of their tokens in
 * constant time and safe under concurrent requests. Spring Authorization Server's
 * {@code InMemoryOAuth2AuthorizationService} scans every authorization per lookup and
 * iterates a map that concurrent sign-ins modify, which failed one sign-in in a thousand
 * with a {@code ConcurrentModificationException} under the load tests.
 */
final class IndexedAuthorizationService implements OAuth2AuthorizationService {

	private static final List<String> TOKEN_TYPES = List.of(OAuth2ParameterNames.STATE, OAuth2ParameterNames.CODE,
			OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2TokenType.REFRESH_TOKEN.getValue(),
			OidcParameterNames.ID_TOKEN);

	private final Map<String, OAuth2Authorization> byId = new ConcurrentHashMap<>();

	private final Map<String, String> idByToken = new ConcurrentHashMap<>();

	@Override
	public synchronized void save(OAuth2Authorization authorization) {
		OAuth2Authorization previous = this.byId.put(authorization.getId(), authorization);
		if (previous != null) {
			tokenKeys(previous).forEach(this.idByToken::remove);
		}
		tokenKeys(authorization).forEach((key) -> this.idByToken.put(key, authorization.getId()));
	}

	@Override
	public synchronized void remove(OAuth2Authorization authorization) {
		OAuth2Authorization removed = this.byId.remove(authorization.getId());
		if (removed != null) {
			tokenKeys(removed).forEach(this.idByToken::remove);
		}
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.byId.get(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		List<String> types = (tokenType != null) ? List.of(tokenType.getValue()) : TOKEN_TYPES;
		for (String type : types) {
			String id = this.idByToken.get(key(type, token));
			if (id != null) {
				return this.byId.get(id);
			}
		}
		return null;
	}

	private static List<String> tokenKeys(OAuth2Authorization authorization) {
		List<String> keys = new ArrayList<>();
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			keys.add(key(OAuth2ParameterNames.STATE, state));
		}
		addToken(keys, OAuth2ParameterNames.CODE, authorization.getToken(OAuth2AuthorizationCode.class));
		addToken(keys, OAuth2TokenType.ACCESS_TOKEN.getValue(), authorization.getToken(OAuth2AccessToken.class));
		addToken(keys, OAuth2TokenType.REFRESH_TOKEN.getValue(), authorization.getToken(OAuth2RefreshToken.class));
		addToken(keys, OidcParameterNames.ID_TOKEN, authorization.getToken(OidcIdToken.class));
		return keys;
	}

	private static void addToken(List<String> keys, String type,
			OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
		if (token != null) {
			keys.add(key(type, token.getToken().getTokenValue()));
		}
	}

	private static String key(String type, String value) {
		return type + ' ' + value;
	}

}

package io.edgegateway.filters.user;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.edgegateway.filters.crypto.Sha256;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.TokenKind;
import io.edgegateway.filters.token.TokenService;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Refreshes a signed-in user's access token once, however many requests of the session
 * need it at the same time and on whichever replicas they land. Spring Security's
 * refresh-token provider does the refresh; this puts it behind the token service, keyed
 * by a hash of the refresh token being used: concurrent requests holding the same (about
 * to be rotated) refresh token share one refresh, and replicas share its result for a
 * minute through Redis, so no request presents a refresh token the provider has already
 * rotated away ({@code invalid_grant}, a random logout).
 */
public final class SharedRefreshTokenProvider implements ReactiveOAuth2AuthorizedClientProvider {

	private static final Duration RESULT_LIFETIME = Duration.ofSeconds(60);

	private final RefreshTokenReactiveOAuth2AuthorizedClientProvider delegate = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();

	private final TokenService results;

	private final Clock clock;

	private final Duration clockSkew;

	/**
	 * Create the provider.
	 * @param results where refresh results are shared (a token service with no skew and
	 * no refresh ahead)
	 * @param clock the clock
	 * @param clockSkew how long before its expiry an access token is refreshed, at most
	 * half of its lifetime
	 */
	public SharedRefreshTokenProvider(TokenService results, Clock clock, Duration clockSkew) {
		this.results = results;
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.delegate.setClock(clock);
		this.delegate.setClockSkew(clockSkew);
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient client = context.getAuthorizedClient();
		if (client == null || client.getRefreshToken() == null) {
			return this.delegate.authorize(context);
		}
		if (!expired(client.getAccessToken())) {
			// Nothing to do: the manager keeps the client it has.
			return Mono.empty();
		}
		TokenKey key = TokenKey.builder(TokenKind.REFRESH, client.getClientRegistration().getRegistrationId())
			.subject(Sha256.hex(client.getRefreshToken().getTokenValue()))
			.build();
		return this.results.token(key, () -> this.delegate.authorize(context).map(this::encode))
			.map((result) -> decode(result, client));
	}

	/**
	 * Whether a token is due for refresh: within the skew of its expiry, the skew being
	 * at most half of the token's lifetime (the delegate's fixed skew would count a token
	 * of 60 s or less as expired from the moment it was issued, and refresh it on every
	 * request).
	 */
	private boolean expired(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return false;
		}
		Duration skew = this.clockSkew;
		if (token.getIssuedAt() != null) {
			Duration halfLife = Duration.between(token.getIssuedAt(), expiresAt).dividedBy(2);
			skew = (halfLife.compareTo(skew) < 0) ? halfLife : skew;
		}
		return this.clock.instant().isAfter(expiresAt.minus(skew));
	}

	private MintedToken encode(OAuth2AuthorizedClient refreshed) {
		OAuth2AccessToken access = refreshed.getAccessToken();
		OAuth2RefreshToken refresh = refreshed.getRefreshToken();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", access.getTokenValue());
		json.put("issued_at", epoch(access.getIssuedAt()));
		json.put("expires_at", epoch(access.getExpiresAt()));
		json.put("scope", List.copyOf(access.getScopes()));
		json.put("refresh_token", (refresh != null) ? refresh.getTokenValue() : null);
		json.put("refresh_issued_at", (refresh != null) ? epoch(refresh.getIssuedAt()) : null);
		return new MintedToken(JSONObjectUtils.toJSONString(json), this.clock.instant().plus(RESULT_LIFETIME));
	}

	private static OAuth2AuthorizedClient decode(MintedToken result, OAuth2AuthorizedClient stale) {
		try {
			Map<String, Object> json = JSONObjectUtils.parse(result.value());
			OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					(String) json.get("access_token"), instant(json.get("issued_at")), instant(json.get("expires_at")),
					Set.copyOf(JSONObjectUtils.getStringList(json, "scope")));
			String refreshValue = (String) json.get("refresh_token");
			OAuth2RefreshToken refresh = (refreshValue != null)
					? new OAuth2RefreshToken(refreshValue, instant(json.get("refresh_issued_at")))
					: stale.getRefreshToken();
			return new OAuth2AuthorizedClient(stale.getClientRegistration(), stale.getPrincipalName(), access, refresh);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Unreadable shared refresh result", ex);
		}
	}

	private static @Nullable Long epoch(@Nullable Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

	private static @Nullable Instant instant(@Nullable Object epoch) {
		return (epoch instanceof Number seconds) ? Instant.ofEpochSecond(seconds.longValue()) : null;
	}

}

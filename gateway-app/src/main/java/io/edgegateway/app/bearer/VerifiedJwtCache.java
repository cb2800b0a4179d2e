package io.edgegateway.app.bearer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies a bearer JWT's signature once, not on every request: a token the verifier
 * accepted is kept (by its exact text, in memory, bounded) until it expires, and each
 * later request with it runs the claim validators again (expiry, not-before, issuer,
 * audience, any further rule), so a token is refused at the same instant as without the
 * cache. A token the verifier refused is never kept.
 * <p>
 * A copy lives at most {@code maximumAge} (the JWK set's maximum age): a key the provider
 * stopped publishing stops verifying its tokens within twice that.
 */
final class VerifiedJwtCache implements ReactiveJwtDecoder, VerifiedTokens {

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	/**
	 * Create the cache.
	 * @param verifier decodes, verifies and validates a token not seen before
	 * @param validator the verifier's claim validators, run again on each later use
	 * @param maximumSize how many tokens to keep
	 * @param maximumAge how long a token is kept at most
	 * @param clock the time that decides expiry
	 */
	VerifiedJwtCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize,
			Duration maximumAge, Clock clock) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(untilExpiry(maximumAge, clock))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt == null) {
			return this.verifier.decode(token).doOnNext((decoded) -> this.verified.put(token, decoded));
		}
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: "
					+ result.getErrors().iterator().next().getDescription(), result.getErrors()));
		}
		return Mono.just(jwt);
	}

	/**
	 * The token, if it was verified before and its claims pass the validators now:
	 * without a signature check, and without an operator. A token not seen before, or
	 * refused now, has no answer here; {@link #decode} verifies it or says why not (a
	 * refused token stays kept until then, so that saying why costs no second signature
	 * check).
	 * @param token the token's text
	 * @return the verified token, or {@code null}
	 */
	@Override
	public @Nullable Jwt verified(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		return (jwt != null && !this.validator.validate(jwt).hasErrors()) ? jwt : null;
	}

	private static Expiry<String, Jwt> untilExpiry(Duration maximumAge, Clock clock) {
		return Expiry.creating((token, jwt) -> {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return maximumAge;
			}
			Duration left = Duration.between(clock.instant(), expiresAt);
			return left.isNegative() ? Duration.ZERO : (left.compareTo(maximumAge) < 0) ? left : maximumAge;
		});
	}

}

package io.edgegateway.filters.assertion;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.edgegateway.filters.user.IdentityClaims;

import org.springframework.util.Assert;

/**
 * The identity assertions of routes' users, signed by the {@link AssertionSigner} and
 * kept in memory so that signing is not per request: an assertion is reused while more
 * than half of its lifetime remains, so an upstream always gets one valid for at least
 * that long. The key is the route's audience and claims, the user's values of them and
 * the signing key: no user gets another's assertion, no route another's audience, and a
 * new signing key takes over at once. A route that asks for an assertion per request gets
 * a fresh one, carrying the request id, every time.
 */
public final class IdentityAssertions {

	private final AssertionSigner signer;

	private final Clock clock;

	private final Duration reuseFor;

	private final Cache<Key, SignedAssertion> cache;

	/**
	 * Assertions signed by a signer and cached.
	 * @param signer the signer
	 * @param cacheSize how many assertions are kept
	 * @param clock the gateway's clock, which also ages the cache
	 */
	public IdentityAssertions(AssertionSigner signer, int cacheSize, Clock clock) {
		Assert.notNull(signer, "signer cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.signer = signer;
		this.clock = clock;
		this.reuseFor = signer.lifetime().dividedBy(2);
		this.cache = Caffeine.newBuilder()
			.maximumSize(cacheSize)
			.expireAfterWrite(this.reuseFor)
			.ticker(() -> clock.millis() * 1_000_000L)
			.build();
	}

	/**
	 * The assertion of a user for a route.
	 * @param spec the route's assertion
	 * @param user the signed-in user
	 * @param requestId the request's id, carried by a per-request assertion only
	 * @return the compact JWT
	 */
	public String assertion(AssertionSpec spec, IdentityClaims user, String requestId) {
		if (spec.perRequest()) {
			return this.signer.sign(spec, user, requestId).token();
		}
		Key key = new Key(spec.audience(), spec.claims(), user, this.signer.signingKeyId());
		SignedAssertion cached = this.cache.getIfPresent(key);
		if (cached != null && reusable(cached)) {
			return cached.token();
		}
		SignedAssertion signed = this.signer.sign(spec, user, null);
		this.cache.put(key, signed);
		return signed.token();
	}

	/**
	 * Checked again after the read: an entry the cache has not yet evicted is never
	 * served past the half of its lifetime.
	 */
	private boolean reusable(SignedAssertion assertion) {
		return assertion.expiresAt().minus(this.reuseFor).isAfter(this.clock.instant());
	}

	/**
	 * What makes an assertion: the user's claims as a whole (not only those the route
	 * carries, which keeps the key simple; a change of any claim signs anew).
	 */
	private record Key(String audience, List<AssertionClaim> claims, IdentityClaims user, String keyId) {

	}

}

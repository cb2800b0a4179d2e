package io.edgegateway.filters.assertion;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.OncePerUserWarnings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Signs identity assertions with the gateway's keys and publishes their public halves.
 * <p>
 * Built once by {@link #from(AssertionProperties, URI, Clock)}, which checks the whole
 * configuration and reports every problem together. Rotation is stateless, so every
 * replica signs with the same key at the same time: every configured key is published;
 * the key that signs is the one whose {@code sign-from} passed last (a key without one
 * counts as the earliest). An operator adds the next key with a {@code sign-from} later
 * than the upstreams' JWK set cache period, and removes the old one after that instant
 * plus the lifetime.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519">RFC 7519 (JWT)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725#section-3.11">RFC 8725 section
 * 3.11 (explicit typing)</a>
 */
public final class AssertionSigner {

	/**
	 * The assertion's {@code typ} header: no other JWT can pass for one.
	 */
	public static final JOSEObjectType TYPE = new JOSEObjectType("edge-assertion+jwt");

	/**
	 * The claim that carries the request id of a per-request assertion.
	 */
	public static final String REQUEST_ID_CLAIM = "request_id";

	/**
	 * The claim that marks an assertion whose groups were cut to fit
	 * {@code edge.assertion.max-size}.
	 */
	public static final String GROUPS_TRUNCATED_CLAIM = "groups_truncated";

	private static final Log logger = LogFactory.getLog(AssertionSigner.class);

	private final String issuer;

	private final Duration lifetime;

	private final List<SigningKey> keys;

	private final Map<String, Object> jwkSet;

	private final int maxSize;

	private final Clock clock;

	private final OncePerUserWarnings warnings = new OncePerUserWarnings(logger);

	private AssertionSigner(String issuer, Duration lifetime, int maxSize, List<SigningKey> keys, Clock clock) {
		this.issuer = issuer;
		this.lifetime = lifetime;
		this.maxSize = maxSize;
		this.keys = keys.stream()
			.sorted(Comparator.comparing((SigningKey key) -> (key.signFrom() != null) ? key.signFrom() : Instant.MIN)
				.reversed())
			.toList();
		this.jwkSet = new JWKSet(this.keys.stream().map(SigningKey::publicJwk).map(JWK.class::cast).toList())
			.toJSONObject(true);
		this.clock = clock;
	}

	/**
	 * Compile the configuration.
	 * @param properties the assertion settings, with at least one key
	 * @param publicBaseUrl the gateway's public URL, the issuer unless one is configured
	 * @param clock the gateway's clock
	 * @return the signer
	 * @throws AssertionConfigurationException listing every problem found
	 */
	public static AssertionSigner from(AssertionProperties properties, @Nullable URI publicBaseUrl, Clock clock) {
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		List<String> problems = new ArrayList<>();
		URI issuer = (properties.getIssuer() != null) ? properties.getIssuer() : publicBaseUrl;
		if (issuer == null) {
			problems.add("edge.assertion.issuer: required to sign identity assertions "
					+ "(or set edge.security.public-base-url)");
		}
		Duration lifetime = properties.getLifetime();
		if (lifetime.isNegative() || lifetime.isZero()
				|| lifetime.compareTo(AssertionProperties.MAXIMUM_LIFETIME) > 0) {
			problems.add("edge.assertion.lifetime: " + lifetime + " is not between 1s and "
					+ AssertionProperties.MAXIMUM_LIFETIME);
		}
		if (properties.getMaxSize() < AssertionProperties.MINIMUM_MAX_SIZE) {
			problems.add("edge.assertion.max-size: " + properties.getMaxSize() + " is less than "
					+ AssertionProperties.MINIMUM_MAX_SIZE + " bytes");
		}
		List<SigningKey> keys = new ArrayList<>();
		properties.getKeys().forEach((keyId, key) -> {
			String property = "edge.assertion.keys." + keyId + ".private-key";
			if (!StringUtils.hasText(key.getPrivateKey())) {
				problems.add(property + ": a private key is required");
				return;
			}
			try {
				keys.add(SigningKey.read(keyId, key.getPrivateKey(), key.getSignFrom()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(property + ": key '" + keyId + "' is unusable: " + ex.getMessage());
			}
		});
		Instant now = clock.instant();
		if (problems.isEmpty() && keys.stream().noneMatch((key) -> key.signsAt(now))) {
			problems.add("edge.assertion.keys: no key signs now (every sign-from is in the future)");
		}
		if (!problems.isEmpty()) {
			throw new AssertionConfigurationException(problems);
		}
		return new AssertionSigner(issuer.toString(), lifetime, properties.getMaxSize(), keys, clock);
	}

	/**
	 * Sign an assertion of a user for a route.
	 * @param spec the route's assertion
	 * @param user the signed-in user
	 * @param requestId the request id to carry, or {@code null} for none
	 * @return the signed assertion
	 */
	public SignedAssertion sign(AssertionSpec spec, IdentityClaims user, @Nullable String requestId) {
		SigningKey key = signingKey();
		// JWT times are whole seconds: the record says what the token says
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(this.lifetime);
		JWTClaimsSet.Builder registered = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(spec.audience())
			.subject(user.subject())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString());
		if (requestId != null) {
			registered.claim(REQUEST_ID_CLAIM, requestId);
		}
		JWTClaimsSet base = registered.build();
		AssertionClaimValues values = AssertionClaimValues.of(spec, user);
		String token = signed(key, values.addTo(base));
		if (token.length() > this.maxSize) {
			token = signedWithin(key, base, values, token, user);
		}
		return new SignedAssertion(token, now, expiresAt);
	}

	/**
	 * Sign again with fewer claims, the most that fit {@code max-size}: the bytes besides
	 * the payload (header, signature, dots) are those of the assertion that did not fit.
	 */
	private String signedWithin(SigningKey key, JWTClaimsSet base, AssertionClaimValues values, String tooLarge,
			IdentityClaims user) {
		int payloadStart = tooLarge.indexOf('.') + 1;
		int overhead = tooLarge.length() - (tooLarge.indexOf('.', payloadStart) - payloadStart);
		int maxPayloadBytes = (this.maxSize - overhead) * 3 / 4;
		AssertionClaimValues fitting = values.fitting(base, maxPayloadBytes);
		this.warnings.warnOnce(user.subject(),
				() -> "Identity assertion of user '" + user.subject() + "' exceeds edge.assertion.max-size ("
						+ this.maxSize + " bytes, was " + tooLarge.length() + "): " + fitting.describeCutFrom(values));
		return signed(key, fitting.addTo(base));
	}

	private String signed(SigningKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.algorithm()).keyID(key.keyId()).type(TYPE).build(),
				claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an identity assertion with key '" + key.keyId() + "'", ex);
		}
		return jwt.serialize();
	}

	/**
	 * The id of the key that signs now.
	 * @return the key id
	 */
	public String signingKeyId() {
		return signingKey().keyId();
	}

	/**
	 * How long an assertion is valid.
	 * @return the lifetime
	 */
	public Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * The JWK set upstreams verify assertions with: the public half of every configured
	 * key, the next key published before it signs and the previous one kept.
	 * @return the JWK set as JSON members
	 */
	public Map<String, Object> jwkSet() {
		return this.jwkSet;
	}

	/**
	 * The signing key now: keys are sorted latest {@code sign-from} first, so the first
	 * that signs now is the one whose {@code sign-from} passed last. Should every
	 * {@code sign-from} lie ahead (the clock went back), the earliest key signs:
	 * assertions keep flowing.
	 */
	private SigningKey signingKey() {
		Instant now = this.clock.instant();
		for (SigningKey key : this.keys) {
			if (key.signsAt(now)) {
				return key;
			}
		}
		return this.keys.get(this.keys.size() - 1);
	}

}

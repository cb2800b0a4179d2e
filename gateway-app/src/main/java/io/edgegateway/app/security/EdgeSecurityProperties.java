package io.edgegateway.app.security;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Edge security settings: how the gateway knows its own address, which proxies it trusts,
 * which client registration browsers sign in with, and how bearer tokens' keys are
 * fetched.
 * <p>
 * The gateway builds absolute URLs (the login's {@code redirect_uri}, the logout's
 * {@code post_logout_redirect_uri}) from its own address, so it refuses to start unless
 * that address is vetted: by {@code public-base-url}, or by {@code allowed-hosts} that a
 * request's {@code Host} must be one of. Validated when bound (a binding failure names
 * the property).
 */
@ConfigurationProperties("edge.security")
public class EdgeSecurityProperties implements Validator {

	/**
	 * The gateway's public base URL (e.g. {@code https://gateway.example.com}). When set,
	 * redirect URIs and every redirect the gateway builds use it, whatever {@code Host}
	 * or forwarded headers a request carries. Default none; then {@code allowed-hosts} is
	 * required.
	 */
	/**
	 * The authorization request's parameters that the sign-in itself sets.
	 */
	private static final Set<String> PROTOCOL_PARAMETERS = Set.of("response_type", "client_id", "redirect_uri", "scope",
			"state", "nonce", "code_challenge", "code_challenge_method");

	private @Nullable URI publicBaseUrl;

	/**
	 * Host names (optionally {@code host:port}) the gateway answers to when no
	 * {@code public-base-url} is set: a request whose {@code Host} (or a trusted proxy's
	 * forwarded host) is not one of them gets {@code 400}. Default none.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * Addresses or CIDR ranges of proxies whose {@code Forwarded} / {@code X-Forwarded-*}
	 * headers are honoured; such headers from anyone else are removed. Default none.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * Client registration ({@code spring.security.oauth2.client.registration.*}) that
	 * browsers sign in with. Default {@code idp}.
	 */
	private String loginRegistration = "idp";

	/**
	 * Further registrations browsers may sign in with: with more than one, a browser
	 * without a session is sent to the sign-in page, which offers each (by its
	 * {@code client-name}). Default none.
	 */
	private List<String> loginRegistrations = new ArrayList<>();

	/**
	 * The registration each host signs in with, directly, without the sign-in page (a
	 * partner portal's host, say). Default none.
	 */
	private Map<String, String> loginHosts = new LinkedHashMap<>();

	/**
	 * Further parameters of the authorization request, per client registration, that a
	 * provider needs and Spring Security does not send: Google's {@code access_type:
	 * offline} (a refresh token), Auth0's {@code audience}. Keys in brackets keep their
	 * underscores ({@code "[access_type]": offline}). The protocol's own parameters
	 * ({@code response_type}, {@code client_id}, {@code redirect_uri}, {@code scope},
	 * {@code state}, {@code nonce}, {@code code_challenge},
	 * {@code code_challenge_method}) are refused. Default none.
	 */
	private Map<String, Map<String, String>> authorizationParameters = new LinkedHashMap<>();

	/**
	 * How the keys that verify bearer tokens are fetched.
	 */
	private final Bearer bearer = new Bearer();

	/**
	 * Requests a replica serves at once on its public port; one more gets {@code 503}
	 * with {@code Retry-After} at once. {@code 0} sets no limit. Default 1024.
	 */
	private int maxConcurrentRequests = 1024;

	public int getMaxConcurrentRequests() {
		return this.maxConcurrentRequests;
	}

	public void setMaxConcurrentRequests(int maxConcurrentRequests) {
		this.maxConcurrentRequests = maxConcurrentRequests;
	}

	public @Nullable URI getPublicBaseUrl() {
		return this.publicBaseUrl;
	}

	public void setPublicBaseUrl(@Nullable URI publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public String getLoginRegistration() {
		return this.loginRegistration;
	}

	public void setLoginRegistration(String loginRegistration) {
		this.loginRegistration = loginRegistration;
	}

	public List<String> getLoginRegistrations() {
		return this.loginRegistrations;
	}

	public void setLoginRegistrations(List<String> loginRegistrations) {
		this.loginRegistrations = loginRegistrations;
	}

	public Map<String, String> getLoginHosts() {
		return this.loginHosts;
	}

	public void setLoginHosts(Map<String, String> loginHosts) {
		this.loginHosts = loginHosts;
	}

	public Map<String, Map<String, String>> getAuthorizationParameters() {
		return this.authorizationParameters;
	}

	public void setAuthorizationParameters(Map<String, Map<String, String>> authorizationParameters) {
		this.authorizationParameters = authorizationParameters;
	}

	public Bearer getBearer() {
		return this.bearer;
	}

	@Override
	public boolean supports(Class<?> type) {
		return EdgeSecurityProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		EdgeSecurityProperties properties = (EdgeSecurityProperties) target;
		URI base = properties.getPublicBaseUrl();
		if (base == null && properties.getAllowedHosts().isEmpty()) {
			errors.rejectValue("publicBaseUrl", "required",
					"is required unless edge.security.allowed-hosts is set: without either, a client's Host header "
							+ "would decide the redirect URIs the gateway builds");
		}
		if (base != null
				&& (!("https".equals(base.getScheme()) || "http".equals(base.getScheme())) || base.getHost() == null)) {
			errors.rejectValue("publicBaseUrl", "invalid", "must be an http or https URL with a host");
		}
		for (int i = 0; i < properties.getTrustedProxies().size(); i++) {
			String property = "edge.security.trusted-proxies[" + i + "]";
			try {
				AddressRange.parse(properties.getTrustedProxies().get(i), property);
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("trustedProxies[" + i + "]", "invalid",
						ex.getMessage().substring(property.length() + 2));
			}
		}
		for (int i = 0; i < properties.getAllowedHosts().size(); i++) {
			if (!AllowedHosts.isWellFormed(properties.getAllowedHosts().get(i))) {
				errors.rejectValue("allowedHosts[" + i + "]", "invalid", "must be a host name or host:port");
			}
		}
		Duration cooldown = properties.getBearer().getJwksRefreshCooldown();
		if (cooldown.isZero() || cooldown.isNegative()) {
			errors.rejectValue("bearer.jwksRefreshCooldown", "invalid", "must be positive");
		}
		properties.getAuthorizationParameters()
			.forEach((registration, parameters) -> parameters.keySet()
				.stream()
				.filter(PROTOCOL_PARAMETERS::contains)
				.forEach((name) -> errors.rejectValue("authorizationParameters[" + registration + "][" + name + "]",
						"reserved", "is the protocol's own parameter, which the sign-in sets")));
		if (properties.getMaxConcurrentRequests() < 0) {
			errors.rejectValue("maxConcurrentRequests", "invalid", "must be 0 (no limit) or more");
		}
		List<Issuer> issuers = properties.getBearer().getIssuers();
		for (int i = 0; i < issuers.size(); i++) {
			if (issuers.get(i).getIssuerUri() == null || issuers.get(i).getIssuerUri().isBlank()) {
				errors.rejectValue("bearer.issuers[" + i + "].issuerUri", "required", "is required");
			}
			if (issuers.get(i).getAudiences().isEmpty()) {
				errors.rejectValue("bearer.issuers[" + i + "].audiences", "required",
						"is required: without it any token of that issuer would be accepted, including tokens it "
								+ "issued for other services");
			}
		}
		if (properties.getBearer().getVerifiedCacheSize() < 0) {
			errors.rejectValue("bearer.verifiedCacheSize", "invalid", "must be 0 or more");
		}
	}

	/**
	 * Bearer token keys: the identity provider's JWK set, fetched when a token names a
	 * key the gateway has not seen, at most once per cooldown.
	 */
	public static class Bearer {

		/**
		 * The shortest time between two fetches of the identity provider's JWK set: a
		 * token naming an unknown key ({@code kid}) within it is refused without a fetch.
		 * Default 30 seconds.
		 */
		private Duration jwksRefreshCooldown = Duration.ofSeconds(30);

		/**
		 * How long a fetched JWK set is used before it is fetched again, so keys the
		 * provider stopped publishing stop verifying tokens. Default 5 minutes.
		 */
		private Duration jwksMaxAge = Duration.ofMinutes(5);

		/**
		 * How many verified bearer tokens each replica keeps, so that a token's signature
		 * is verified once rather than on every request (its claims are validated on
		 * every request); {@code 0} verifies every time. Default 10,000.
		 */
		private long verifiedCacheSize = 10_000;

		/**
		 * Further issuers whose bearer tokens are accepted, each with its own keys and
		 * audiences; a token is verified against the issuer its {@code iss} names, and a
		 * token of any other issuer is refused. Default none.
		 */
		private List<Issuer> issuers = new ArrayList<>();

		public Duration getJwksRefreshCooldown() {
			return this.jwksRefreshCooldown;
		}

		public void setJwksRefreshCooldown(Duration jwksRefreshCooldown) {
			this.jwksRefreshCooldown = jwksRefreshCooldown;
		}

		public long getVerifiedCacheSize() {
			return this.verifiedCacheSize;
		}

		public void setVerifiedCacheSize(long verifiedCacheSize) {
			this.verifiedCacheSize = verifiedCacheSize;
		}

		public Duration getJwksMaxAge() {
			return this.jwksMaxAge;
		}

		public void setJwksMaxAge(Duration jwksMaxAge) {
			this.jwksMaxAge = jwksMaxAge;
		}

		public List<Issuer> getIssuers() {
			return this.issuers;
		}

		public void setIssuers(List<Issuer> issuers) {
			this.issuers = issuers;
		}

	}

	/**
	 * A further issuer whose bearer tokens the gateway accepts, beside
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}: a partner's identity
	 * provider, a second tenant.
	 */
	public static class Issuer {

		/**
		 * The issuer, exactly as its tokens' {@code iss} names it; its keys come from its
		 * discovery document unless {@code jwk-set-uri} is set.
		 */
		private @Nullable String issuerUri;

		/**
		 * Its JWK set, when it publishes no discovery document.
		 */
		private @Nullable String jwkSetUri;

		/**
		 * The audiences its tokens must carry one of (required: a partner's provider
		 * issues tokens for many services).
		 */
		private List<String> audiences = new ArrayList<>();

		public @Nullable String getIssuerUri() {
			return this.issuerUri;
		}

		public void setIssuerUri(@Nullable String issuerUri) {
			this.issuerUri = issuerUri;
		}

		public @Nullable String getJwkSetUri() {
			return this.jwkSetUri;
		}

		public void setJwkSetUri(@Nullable String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

	}

}

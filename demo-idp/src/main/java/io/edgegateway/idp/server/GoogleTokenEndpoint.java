package io.edgegateway.idp.server;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A Google-style token endpoint for domain-wide delegation, at
 * {@code {issuer}/google/token}: {@code grant_type=jwt-bearer} and an {@code assertion}
 * signed by a service account, no client authentication. Answers like Google (JSON,
 * errors with {@code error} and {@code error_description}) with an access token the
 * identity provider signs: {@code sub} the user, {@code email}, {@code scope},
 * {@code azp} the service account and {@code aud} {@value #AUDIENCE}.
 */
public final class GoogleTokenEndpoint {

	/**
	 * The endpoint's path, relative to the issuer.
	 */
	public static final String PATH = "/google/token";

	static final String AUDIENCE = "google-apis";

	private final DelegationAssertionVerifier verifier;

	private final AccessTokenSigner signer;

	private final Duration accessTokenTimeToLive;

	GoogleTokenEndpoint(DelegationAssertionVerifier verifier, AccessTokenSigner signer,
			Duration accessTokenTimeToLive) {
		this.verifier = verifier;
		this.signer = signer;
		this.accessTokenTimeToLive = accessTokenTimeToLive;
	}

	ServerResponse token(ServerRequest request) {
		try {
			return ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noStore())
				.body(tokenResponse(request));
		}
		catch (DelegationException ex) {
			return ServerResponse.status(ex.status())
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noStore())
				.body(Map.of("error", ex.error(), "error_description", String.valueOf(ex.getMessage())));
		}
	}

	private Map<String, Object> tokenResponse(ServerRequest request) {
		String grantType = request.param(OAuth2ParameterNames.GRANT_TYPE).orElse("");
		if (!AuthorizationGrantType.JWT_BEARER.getValue().equals(grantType)) {
			throw new DelegationException("unsupported_grant_type", "Invalid grant_type: " + grantType);
		}
		String assertion = request.param(OAuth2ParameterNames.ASSERTION).filter(StringUtils::hasText).orElse(null);
		if (assertion == null) {
			throw new DelegationException("invalid_request", "Missing required parameter: assertion");
		}
		DelegationAssertionVerifier.Delegation delegation = this.verifier.verify(assertion);
		Instant issuedAt = Instant.now();
		Instant expiresAt = issuedAt.plus(this.accessTokenTimeToLive);
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", delegation.user().username());
		claims.put("email", delegation.user().email());
		claims.put("scope", delegation.scope());
		claims.put("azp", delegation.clientEmail());
		claims.put("aud", List.of(AUDIENCE));
		claims.put("jti", UUID.randomUUID().toString());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", this.signer.sign(claims, issuedAt, expiresAt));
		response.put("token_type", "Bearer");
		response.put("expires_in", this.accessTokenTimeToLive.toSeconds());
		response.put("scope", delegation.scope());
		return response;
	}

}

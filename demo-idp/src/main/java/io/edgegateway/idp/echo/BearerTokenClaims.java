package io.edgegateway.idp.echo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the claims of an {@code Authorization: Bearer} JWT without verifying it:
 * base64url-decodes the payload and parses it as a JSON object. The tests verify
 * signatures separately.
 */
final class BearerTokenClaims {

	private static final String BEARER_PREFIX = "bearer ";

	private static final Map<String, Object> OPAQUE = Map.of("opaque", true);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BearerTokenClaims() {
	}

	/**
	 * The claims of the bearer token in the first {@code Authorization} header.
	 * @param authorizationHeaders the values of the {@code Authorization} headers
	 * @return the claims, {@code {"opaque": true}} if the bearer token is no JWT, or
	 * {@code null} without a bearer token
	 */
	static @Nullable Map<String, Object> decode(List<String> authorizationHeaders) {
		if (authorizationHeaders.isEmpty()) {
			return null;
		}
		String authorization = authorizationHeaders.get(0);
		if (!authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			return null;
		}
		String[] parts = authorization.substring(BEARER_PREFIX.length()).trim().split("\\.", -1);
		if (parts.length != 3) {
			return OPAQUE;
		}
		try {
			String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
			Map<String, Object> claims = JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
			});
			return (claims != null) ? claims : OPAQUE;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return OPAQUE;
		}
	}

}

package io.edgegateway.app.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.edgegateway.app.web.SignInRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a sign-in asks of the identity provider, when the gateway's login URL carries it:
 * an OpenID Connect {@code prompt} the provider asked for when it ended a session
 * ({@code login}, {@code consent}) or a user choosing another account
 * ({@code select_account}); the claims challenge ({@code claims}) it refused a token with
 * (Entra ID); the {@code acr_values} and {@code max_age} a route's {@code StepUp} asks
 * for. Anything else ({@code prompt=none}, a malformed value) is left out.
 */
final class SignInParameters {

	private static final String PROMPT = SignInRequiredException.PROMPT;

	private static final String ACR_VALUES = SignInRequiredException.ACR_VALUES;

	private static final String MAX_AGE = SignInRequiredException.MAX_AGE;

	private static final String CLAIMS = SignInRequiredException.CLAIMS;

	/**
	 * The longest claims request passed on: Entra ID's challenges are a few hundred
	 * characters.
	 */
	private static final int MAX_CLAIMS_LENGTH = 2048;

	private static final List<String> NAMES = List.of(PROMPT, ACR_VALUES, MAX_AGE, CLAIMS);

	private static final Set<String> PROMPTS = Set.of("login", "consent", "select_account");

	/**
	 * Space-separated tokens of URI-safe characters, as authentication context class
	 * references are (URNs, URLs, short names).
	 */
	private static final Pattern ACR_VALUES_PATTERN = Pattern.compile("[\\w.:/~-]{1,128}( [\\w.:/~-]{1,128}){0,9}");

	private static final Pattern MAX_AGE_PATTERN = Pattern.compile("[0-9]{1,9}");

	private SignInParameters() {
	}

	/**
	 * The sign-in parameters a query carries, those the sign-in passes on.
	 * @param query the query parameters
	 * @return the parameters, in a fixed order
	 */
	static Map<String, String> of(MultiValueMap<String, String> query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = query.getFirst(name);
			if (passedOn(name, value)) {
				parameters.put(name, value);
			}
		}
		return parameters;
	}

	/**
	 * A sign-in URL carrying the parameters it passes on.
	 * @param path the sign-in path
	 * @param parameters the parameters; those it does not pass on are left out
	 * @return the URL, e.g. {@code /auth/login?acr_values=mfa&max_age=900}, its
	 * parameters in a fixed order
	 */
	static String url(String path, Map<String, String> parameters) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		for (String name : NAMES) {
			String value = parameters.get(name);
			if (passedOn(name, value)) {
				url.queryParam(name, value);
			}
		}
		return url.build().encode().toUriString();
	}

	/**
	 * A JSON object of printable characters, as a claims request is; its content is the
	 * provider's to judge.
	 */
	private static boolean isClaimsRequest(String value) {
		String claims = value.strip();
		return claims.length() <= MAX_CLAIMS_LENGTH && claims.startsWith("{") && claims.endsWith("}")
				&& claims.chars().allMatch((c) -> c >= 0x20 && c != 0x7f);
	}

	private static boolean passedOn(String name, @Nullable String value) {
		if (value == null) {
			return false;
		}
		return switch (name) {
			case PROMPT -> PROMPTS.contains(value);
			case ACR_VALUES -> ACR_VALUES_PATTERN.matcher(value).matches();
			case MAX_AGE -> MAX_AGE_PATTERN.matcher(value).matches();
			case CLAIMS -> isClaimsRequest(value);
			default -> false;
		};
	}

}

package io.edgegateway.idp.server;

import java.io.Serializable;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.jspecify.annotations.Nullable;

/**
 * How and when a demo user signed in at the provider, kept as the details of the user's
 * authentication and put in the tokens issued for it ({@code acr}, {@code amr},
 * {@code auth_time}). The demo's one login form stands for two levels: {@code pwd}, and
 * {@code mfa} when the client asked for it with {@code acr_values} or a claims request (a
 * real provider would ask for a second factor then; the demo counts the password as
 * both).
 *
 * @param acr the authentication context class reference
 * @param authTime when the user signed in
 */
record DemoSignIn(String acr, Instant authTime) implements Serializable {

	/**
	 * The level a password and a second factor give.
	 */
	static final String MFA = "mfa";

	static final String PASSWORD = "pwd";

	/**
	 * A sign-in for an authorization request.
	 * @param acrValues the request's {@code acr_values}, or {@code null}
	 * @param claims the request's {@code claims}, or {@code null}
	 * @param now the time of the sign-in
	 * @return the sign-in
	 */
	static DemoSignIn forRequest(@Nullable String acrValues, @Nullable String claims, Instant now) {
		return new DemoSignIn(asksForMultiFactor(acrValues, claims) ? MFA : PASSWORD, now);
	}

	/**
	 * The authentication methods (RFC 8176) of the sign-in.
	 * @return the {@code amr} values
	 */
	List<String> amr() {
		return MFA.equals(this.acr) ? List.of(PASSWORD, "otp", MFA) : List.of(PASSWORD);
	}

	/**
	 * Whether an authorization request needs the user to sign in again, as OpenID Connect
	 * requires: the sign-in is older than its {@code max_age}, or weaker than the
	 * multi-factor level its {@code acr_values} or its claims request asks for.
	 * @param acrValues the request's {@code acr_values}, or {@code null}
	 * @param claims the request's {@code claims}, or {@code null}
	 * @param maxAge the request's {@code max_age}, or {@code null}
	 * @param now the current time
	 * @return whether to sign in again
	 */
	boolean isInsufficientFor(@Nullable String acrValues, @Nullable String claims, @Nullable Duration maxAge,
			Instant now) {
		boolean tooOld = maxAge != null && this.authTime.plus(maxAge).isBefore(now);
		boolean tooWeak = asksForMultiFactor(acrValues, claims) && !MFA.equals(this.acr);
		return tooOld || tooWeak;
	}

	/**
	 * Whether a request asks for the multi-factor level: in {@code acr_values}, or as
	 * Entra ID's claims challenge does, {@code {"access_token":{"acrs":{"value":"mfa"}}}}
	 * (or {@code "values"}).
	 */
	private static boolean asksForMultiFactor(@Nullable String acrValues, @Nullable String claims) {
		if (acrValues != null && Arrays.asList(acrValues.trim().split("\\s+")).contains(MFA)) {
			return true;
		}
		if (claims == null) {
			return false;
		}
		try {
			Map<String, Object> accessToken = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(claims),
					"access_token");
			Map<String, Object> acrs = (accessToken != null) ? JSONObjectUtils.getJSONObject(accessToken, "acrs")
					: null;
			return acrs != null && (MFA.equals(acrs.get("value"))
					|| (acrs.get("values") instanceof List<?> values && values.contains(MFA)));
		}
		catch (ParseException ex) {
			return false;
		}
	}

}

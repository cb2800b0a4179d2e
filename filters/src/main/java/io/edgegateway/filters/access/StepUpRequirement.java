package io.edgegateway.filters.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How recently and how strongly a route's user must have signed in: an authentication
 * context class ({@code acr}, one of), a maximum authentication age ({@code auth_time} no
 * older than {@code max-age}) and authentication methods ({@code amr}, all of), read from
 * the ID token of a browser's sign-in or from a bearer token.
 *
 * @param acr the accepted {@code acr} values, any of; empty for any
 * @param maxAge the oldest sign-in accepted, or {@code null} for any
 * @param amr the {@code amr} values the sign-in must have used, all of; empty for any
 */
public record StepUpRequirement(List<String> acr, @Nullable Duration maxAge, List<String> amr) {

	public StepUpRequirement {
		acr = List.copyOf(acr);
		amr = List.copyOf(amr);
	}

	/**
	 * What the user's sign-in lacks.
	 * @param claims the claims of the user's sign-in (ID token or bearer token)
	 * @param now the current time
	 * @return each unmet condition, described; empty when the sign-in meets them all
	 */
	public List<String> unmet(Map<String, Object> claims, Instant now) {
		List<String> unmet = new ArrayList<>();
		if (!this.acr.isEmpty() && !this.acr.contains(String.valueOf(claims.get("acr")))) {
			unmet.add("acr: one of " + this.acr);
		}
		if (this.maxAge != null) {
			Instant authTime = instant(claims.get("auth_time"));
			if (authTime == null || authTime.plus(this.maxAge).isBefore(now)) {
				unmet.add("a sign-in in the last " + this.maxAge.toSeconds() + " s");
			}
		}
		if (!this.amr.isEmpty() && !(claims.get("amr") instanceof Collection<?> methods
				&& methods.stream().map(String::valueOf).toList().containsAll(this.amr))) {
			unmet.add("amr: all of " + this.amr);
		}
		return unmet;
	}

	/**
	 * A time claim as a decoder gives it ({@link Instant}) or as a JWT carries it
	 * (seconds since the epoch).
	 * @param value the claim
	 * @return the instant, or {@code null} when the claim is absent or not a time
	 */
	static @Nullable Instant instant(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Number seconds) {
			return Instant.ofEpochSecond(seconds.longValue());
		}
		return null;
	}

	/**
	 * The OpenID Connect {@code acr_values} a sign-in asks for.
	 * @return the values, space-separated, or {@code null} when none is required
	 */
	public @Nullable String acrValues() {
		return this.acr.isEmpty() ? null : String.join(" ", this.acr);
	}

}

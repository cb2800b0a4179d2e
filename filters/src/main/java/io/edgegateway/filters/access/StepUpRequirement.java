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
		return conditions(claims, now).stream()
			.filter((condition) -> !condition.met())
			.map(AccessCondition::condition)
			.toList();
	}

	/**
	 * Each condition, as the user's sign-in meets it or not.
	 * @param claims the claims of the user's sign-in (ID token or bearer token)
	 * @param now the current time
	 * @return the conditions the requirement sets, with what the sign-in has
	 */
	public List<AccessCondition> conditions(Map<String, Object> claims, Instant now) {
		List<AccessCondition> conditions = new ArrayList<>();
		if (!this.acr.isEmpty()) {
			Object acr = claims.get("acr");
			conditions.add(new AccessCondition("acr: one of " + this.acr, this.acr.contains(String.valueOf(acr)),
					(acr != null) ? "sign-in has acr " + acr : "sign-in has no acr"));
		}
		if (this.maxAge != null) {
			Instant authTime = instant(claims.get("auth_time"));
			conditions.add(new AccessCondition("a sign-in in the last " + this.maxAge.toSeconds() + " s",
					authTime != null && !authTime.plus(this.maxAge).isBefore(now),
					(authTime != null) ? "signed in at " + authTime : "sign-in has no auth_time"));
		}
		if (!this.amr.isEmpty()) {
			List<String> methods = (claims.get("amr") instanceof Collection<?> values)
					? values.stream().map(String::valueOf).toList() : List.of();
			conditions.add(new AccessCondition("amr: all of " + this.amr, methods.containsAll(this.amr),
					"sign-in used " + methods));
		}
		return conditions;
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

package io.edgegateway.filters.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.edgegateway.filters.user.IdentityClaims;

/**
 * One condition of a route's access rule, such as "one of the groups finance, audit" or
 * "all of the scopes reports.read, reports.export".
 *
 * @param kind what the condition looks at
 * @param match whether any or all of the values are required
 * @param values the values, compared case-sensitively except email domains
 */
public record ClaimRule(Kind kind, Match match, Set<String> values) {

	public ClaimRule {
		values = Set.copyOf(new TreeSet<>(values));
	}

	/**
	 * Whether a user meets the condition.
	 * @param identity the user
	 * @param scopes the scopes the user's token was granted
	 * @return whether the condition holds
	 */
	public boolean test(IdentityClaims identity, Set<String> scopes) {
		Collection<String> held = held(identity, scopes);
		return (this.match == Match.ALL_OF) ? held.containsAll(this.values)
				: this.values.stream().anyMatch(held::contains);
	}

	/**
	 * The condition as a user meets it or not, for an explanation.
	 * @param identity the user
	 * @param scopes the scopes the user's token was granted
	 * @return e.g. {@code groups: one of [finance]}, not met, {@code user has [staff]}
	 */
	public AccessCondition check(IdentityClaims identity, Set<String> scopes) {
		return new AccessCondition(describe(), test(identity, scopes),
				"user has " + new TreeSet<>(held(identity, scopes)));
	}

	/**
	 * What the user has of what the condition looks at.
	 */
	private Collection<String> held(IdentityClaims identity, Set<String> scopes) {
		return switch (this.kind) {
			case GROUPS -> identity.groups();
			case SCOPES -> scopes;
			case TENANT -> (identity.tenant() != null) ? List.of(identity.tenant()) : List.of();
			case ISSUER -> (identity.issuer() != null) ? List.of(identity.issuer()) : List.of();
			case EMAIL_DOMAIN -> (identity.email() != null && identity.email().contains("@"))
					? List
						.of(identity.email().substring(identity.email().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
					: List.of();
		};
	}

	/**
	 * The condition as a client is told it when it fails.
	 * @return e.g. {@code groups: one of [audit, finance]}
	 */
	public String describe() {
		return this.kind.field + ": " + ((this.match == Match.ALL_OF) ? "all of " : "one of ")
				+ new TreeSet<>(this.values);
	}

	/**
	 * What a condition looks at.
	 */
	public enum Kind {

		/**
		 * The user's groups.
		 */
		GROUPS("groups"),

		/**
		 * The scopes the user's token was granted.
		 */
		SCOPES("scopes"),

		/**
		 * The user's tenant.
		 */
		TENANT("tenants"),

		/**
		 * The identity provider that signed the user in.
		 */
		ISSUER("issuers"),

		/**
		 * The domain of the user's email address.
		 */
		EMAIL_DOMAIN("email-domains");

		private final String field;

		Kind(String field) {
			this.field = field;
		}

	}

	/**
	 * Whether any or all values are required.
	 */
	public enum Match {

		/**
		 * At least one of the values.
		 */
		ANY_OF,

		/**
		 * Every value.
		 */
		ALL_OF

	}

}

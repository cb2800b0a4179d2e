package io.edgegateway.filters.assertion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.edgegateway.filters.user.IdentityClaims;
import org.jspecify.annotations.Nullable;

/**
 * An identity claim a route's assertion may carry, by the name it has in the assertion.
 * The user's id is always its {@code sub}.
 */
public enum AssertionClaim {

	/**
	 * The user's email address.
	 */
	EMAIL("email", IdentityClaims::email),

	/**
	 * The user's display name.
	 */
	NAME("name", IdentityClaims::name),

	/**
	 * The user's groups, a JSON array.
	 */
	GROUPS("groups", (claims) -> claims.groups().isEmpty() ? null : claims.groups()),

	/**
	 * The user's tenant.
	 */
	TENANT("tenant", IdentityClaims::tenant),

	/**
	 * The identity provider that signed the user in (its issuer).
	 */
	IDP("idp", IdentityClaims::issuer);

	/**
	 * What an assertion carries when its route does not choose: what the identity headers
	 * carry.
	 */
	public static final List<AssertionClaim> DEFAULTS = List.of(EMAIL, GROUPS, TENANT, IDP);

	private final String claimName;

	private final Function<IdentityClaims, @Nullable Object> value;

	AssertionClaim(String claimName, Function<IdentityClaims, @Nullable Object> value) {
		this.claimName = claimName;
		this.value = value;
	}

	/**
	 * The claim's name in the assertion.
	 * @return the name
	 */
	public String claimName() {
		return this.claimName;
	}

	/**
	 * The user's value of the claim.
	 * @param claims the user
	 * @return the value, {@code null} when the user has none
	 */
	@Nullable Object valueOf(IdentityClaims claims) {
		return this.value.apply(claims);
	}

	/**
	 * The claim of a name, as routes write it.
	 * @param name the name
	 * @return the claim, empty when there is none of that name
	 */
	public static Optional<AssertionClaim> named(String name) {
		String lowerCase = name.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((claim) -> claim.claimName.equals(lowerCase)).findFirst();
	}

}

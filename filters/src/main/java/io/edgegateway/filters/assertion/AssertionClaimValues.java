package io.edgegateway.filters.assertion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import io.edgegateway.filters.user.IdentityClaims;

/**
 * A user's values of the claims a route's assertion carries besides the registered ones,
 * in the route's order, and how they are cut to fit a size: the groups first, between
 * groups, marked {@value AssertionSigner#GROUPS_TRUNCATED_CLAIM}; then, should that not
 * be enough, the other claims left out whole, last first (a cut e-mail or tenant would
 * name someone else).
 */
final class AssertionClaimValues {

	private final Map<AssertionClaim, Object> values;

	private final int allGroups;

	private AssertionClaimValues(Map<AssertionClaim, Object> values, int allGroups) {
		this.values = values;
		this.allGroups = allGroups;
	}

	static AssertionClaimValues of(AssertionSpec spec, IdentityClaims user) {
		Map<AssertionClaim, Object> values = new LinkedHashMap<>();
		spec.identityClaimsOf(user)
			.forEach((name, value) -> AssertionClaim.named(name).ifPresent((claim) -> values.put(claim, value)));
		return new AssertionClaimValues(values, groups(values).size());
	}

	/**
	 * The claims set: the registered claims and these values.
	 * @param base the registered claims
	 * @return the claims to sign
	 */
	JWTClaimsSet addTo(JWTClaimsSet base) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(base);
		this.values.forEach((claim, value) -> claims.claim(claim.claimName(), value));
		if (groups(this.values).size() < this.allGroups) {
			claims.claim(AssertionSigner.GROUPS_TRUNCATED_CLAIM, true);
		}
		return claims.build();
	}

	/**
	 * The most of these values whose claims set, with the registered claims, takes at
	 * most a number of bytes as JSON.
	 * @param base the registered claims
	 * @param maxBytes the payload's bytes at most
	 * @return the values that fit; none but the registered claims when even they do not
	 */
	AssertionClaimValues fitting(JWTClaimsSet base, int maxBytes) {
		List<?> groups = groups(this.values);
		int fewest = 0;
		int most = groups.size();
		while (fewest < most) {
			int middle = (fewest + most + 1) / 2;
			if (withGroups(groups.subList(0, middle)).bytes(base) <= maxBytes) {
				fewest = middle;
			}
			else {
				most = middle - 1;
			}
		}
		AssertionClaimValues fitting = withGroups(groups.subList(0, fewest));
		List<AssertionClaim> others = new ArrayList<>(fitting.values.keySet());
		others.remove(AssertionClaim.GROUPS);
		for (int last = others.size() - 1; last >= 0 && fitting.bytes(base) > maxBytes; last--) {
			fitting = fitting.without(others.get(last));
		}
		return fitting;
	}

	/**
	 * What was cut, for the log: how many groups remain, which claims were left out.
	 * @param original the values before they were cut
	 * @return e.g. {@code groups: 418 of 500 sent; email left out}
	 */
	String describeCutFrom(AssertionClaimValues original) {
		List<String> cuts = new ArrayList<>();
		if (groups(this.values).size() < this.allGroups) {
			cuts.add("groups: " + groups(this.values).size() + " of " + this.allGroups + " sent");
		}
		original.values.keySet()
			.stream()
			.filter((claim) -> claim != AssertionClaim.GROUPS && !this.values.containsKey(claim))
			.forEach((claim) -> cuts.add(claim.claimName() + " left out"));
		return String.join("; ", cuts);
	}

	private AssertionClaimValues withGroups(List<?> groups) {
		Map<AssertionClaim, Object> values = new LinkedHashMap<>(this.values);
		if (groups.isEmpty()) {
			values.remove(AssertionClaim.GROUPS);
		}
		else if (values.containsKey(AssertionClaim.GROUPS)) {
			values.put(AssertionClaim.GROUPS, List.copyOf(groups));
		}
		return new AssertionClaimValues(values, this.allGroups);
	}

	private AssertionClaimValues without(AssertionClaim claim) {
		Map<AssertionClaim, Object> values = new LinkedHashMap<>(this.values);
		values.remove(claim);
		return new AssertionClaimValues(values, this.allGroups);
	}

	private int bytes(JWTClaimsSet base) {
		return addTo(base).toString().getBytes(StandardCharsets.UTF_8).length;
	}

	private static List<?> groups(Map<AssertionClaim, Object> values) {
		Object groups = values.get(AssertionClaim.GROUPS);
		return (groups instanceof List<?> list) ? list : List.of();
	}

}

package io.edgegateway.filters.assertion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.filters.user.IdentityClaims;

import org.springframework.util.Assert;

/**
 * What a route's assertion carries, resolved once per route from its filter's arguments.
 *
 * @param routeId the route
 * @param audience the assertion's {@code aud}
 * @param claims the identity claims it carries besides {@code sub}
 * @param header the header that carries it
 * @param perRequest whether each request gets a fresh assertion carrying its request id
 */
public record AssertionSpec(String routeId, String audience, List<AssertionClaim> claims, String header,
		boolean perRequest) {

	public AssertionSpec {
		Assert.hasText(routeId, "routeId cannot be empty");
		Assert.hasText(audience, "audience cannot be empty");
		Assert.hasText(header, "header cannot be empty");
		claims = List.copyOf(claims);
	}

	/**
	 * The identity claims an assertion of a user carries: {@code sub}, then the route's
	 * claims the user has a value of (before {@code edge.assertion.max-size} is applied).
	 * @param user the user
	 * @return the claims by name, in order
	 */
	public Map<String, Object> identityClaimsOf(IdentityClaims user) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("sub", user.subject());
		for (AssertionClaim claim : this.claims) {
			Object value = claim.valueOf(user);
			if (value != null) {
				values.put(claim.claimName(), value);
			}
		}
		return values;
	}

}

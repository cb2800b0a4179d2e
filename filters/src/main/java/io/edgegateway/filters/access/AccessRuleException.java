package io.edgegateway.filters.access;

import org.jspecify.annotations.Nullable;

/**
 * A request did not meet its route's access rule and never reaches the upstream. Names
 * the route and the condition that failed; {@link #getRule()} is {@code null} when there
 * was no signed-in user to check.
 */
public class AccessRuleException extends RuntimeException {

	private final String routeId;

	private final @Nullable String rule;

	public AccessRuleException(String routeId, @Nullable String rule) {
		super((rule != null) ? "Route '" + routeId + "' requires " + rule
				: "Route '" + routeId + "' requires a signed-in user");
		this.routeId = routeId;
		this.rule = rule;
	}

	public String getRouteId() {
		return this.routeId;
	}

	public @Nullable String getRule() {
		return this.rule;
	}

}

package io.edgegateway.filters.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.HasRouteId;

/**
 * What the arguments of a route's rule ({@code RequireClaims}, {@code StepUp}) share: the
 * route they belong to, for messages, and the reading of a list of values as route files
 * write them.
 */
public abstract class RouteRuleConfig implements HasRouteId {

	private @Nullable String routeId;

	@Override
	public void setRouteId(String routeId) {
		this.routeId = routeId;
	}

	@Override
	public @Nullable String getRouteId() {
		return this.routeId;
	}

	/**
	 * The route, for messages.
	 * @return its id, or {@code (unnamed)}
	 */
	String routeId() {
		return (this.routeId != null) ? this.routeId : "(unnamed)";
	}

	/**
	 * The values given, trimmed, blank ones left out.
	 * @param values the values as bound
	 * @return the values that say something
	 */
	static List<String> present(List<String> values) {
		return values.stream().map(String::trim).filter((value) -> !value.isEmpty()).toList();
	}

}

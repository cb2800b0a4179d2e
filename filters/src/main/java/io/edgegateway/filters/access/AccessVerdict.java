package io.edgegateway.filters.access;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a route's access rule decides for a user, told without running the filter: each
 * condition as the user meets it or not, and the refusal the filter would end the request
 * with ({@link AccessRuleException} or {@link StepUpRequiredException}), an error as a
 * value.
 *
 * @param filter the rule's filter name, e.g. {@code RequireClaims}
 * @param order the filter's order: the rule with the lower order runs first
 * @param conditions each condition, met or not; empty without a signed-in user
 * @param refusal what the filter would end the request with, or {@code null} when the
 * user may pass
 */
public record AccessVerdict(String filter, int order, List<AccessCondition> conditions,
		@Nullable RuntimeException refusal) {

	public AccessVerdict {
		conditions = List.copyOf(conditions);
	}

	/**
	 * Whether the rule lets the user pass.
	 * @return {@code true} without a refusal
	 */
	public boolean allowed() {
		return this.refusal == null;
	}

}

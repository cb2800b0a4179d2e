package io.edgegateway.filters.config;

import java.util.Map;

import io.edgegateway.filters.assertion.AssertionProperties;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when at least one identity assertion signing key is configured
 * ({@code edge.assertion.keys.<kid>}).
 */
class AssertionKeysConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean configured = Binder.get(context.getEnvironment())
			.bind("edge.assertion.keys", Bindable.mapOf(String.class, AssertionProperties.Key.class))
			.map(Map::isEmpty)
			.map((empty) -> !empty)
			.orElse(false);
		return configured ? ConditionOutcome.match("edge.assertion.keys configured")
				: ConditionOutcome.noMatch("no edge.assertion.keys");
	}

}

package io.edgegateway.routes.precedence;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * One step of the precedence order: a comparison, the first-ranked first, and the rule it
 * applies. The order and the explanation of a decision come from the same steps, so they
 * cannot disagree.
 *
 * @param rule the rule the step applies
 * @param comparator the comparison, negative when the first argument ranks first
 * @param <T> what the step compares
 */
record PrecedenceStep<T>(PrecedenceRule rule, Comparator<T> comparator) {

	/**
	 * A step that ranks the higher value first.
	 * @param rule the rule
	 * @param value the value compared
	 * @param <T> what the step compares
	 * @return the step
	 */
	static <T> PrecedenceStep<T> higherFirst(PrecedenceRule rule, ToIntFunction<T> value) {
		return new PrecedenceStep<>(rule, Comparator.comparingInt(value).reversed());
	}

	/**
	 * A step that ranks the lower value first.
	 * @param rule the rule
	 * @param value the value compared
	 * @param <T> what the step compares
	 * @return the step
	 */
	static <T> PrecedenceStep<T> lowerFirst(PrecedenceRule rule, ToIntFunction<T> value) {
		return new PrecedenceStep<>(rule, Comparator.comparingInt(value));
	}

	/**
	 * A step that ranks what holds first.
	 * @param rule the rule
	 * @param condition the condition
	 * @param <T> what the step compares
	 * @return the step
	 */
	static <T> PrecedenceStep<T> trueFirst(PrecedenceRule rule, Predicate<T> condition) {
		return new PrecedenceStep<>(rule, Comparator.comparing((T value) -> !condition.test(value)));
	}

	/**
	 * This step applied to a part of something larger.
	 * @param part the part
	 * @param <U> the larger thing
	 * @return the step
	 */
	<U> PrecedenceStep<U> on(Function<U, T> part) {
		return new PrecedenceStep<>(this.rule, Comparator.comparing(part, this.comparator));
	}

	/**
	 * Compare by the first step that tells two values apart.
	 * @param steps the steps, in order
	 * @param first the first value
	 * @param second the second value
	 * @param <T> what the steps compare
	 * @return negative if the first ranks first, positive if the second, {@code 0} if no
	 * step tells them apart
	 */
	static <T> int compare(List<PrecedenceStep<T>> steps, T first, T second) {
		for (PrecedenceStep<T> step : steps) {
			int result = step.comparator.compare(first, second);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	/**
	 * The rule of the first step that tells two values apart.
	 * @param steps the steps, in order
	 * @param first the first value
	 * @param second the second value
	 * @param <T> what the steps compare
	 * @return the rule, or {@code null} if no step tells them apart
	 */
	static <T> @Nullable PrecedenceRule deciding(List<PrecedenceStep<T>> steps, T first, T second) {
		for (PrecedenceStep<T> step : steps) {
			if (step.comparator.compare(first, second) != 0) {
				return step.rule;
			}
		}
		return null;
	}

}

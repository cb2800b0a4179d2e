package io.edgegateway.app.web;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Looks through a failure and its causes: Reactor, Spring Data Redis and Spring Security
 * wrap what went wrong, at depths that differ from one path to the next.
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * Whether the failure or any of its causes matches.
	 * @param ex the failure
	 * @param test what to look for
	 * @return whether one matches
	 */
	public static boolean anyMatch(Throwable ex, Predicate<Throwable> test) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (test.test(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The failure or the first of its causes of a type.
	 * @param <T> the type
	 * @param ex the failure
	 * @param type the type
	 * @return the first of that type, or {@code null}
	 */
	public static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}

package io.edgegateway.routes.file;

import java.util.Locale;
import java.util.Optional;

/**
 * The key a misspelt key most likely meant, for "did you mean": the nearest known key
 * within two edits (at most one for keys under four letters), or a key of which one is a
 * prefix of the other ({@code route} for {@code routes}). Case and the separators of
 * Spring's relaxed names are ignored, so {@code requestedTokenType} finds
 * {@code requested-token-type}.
 */
final class ClosestKey {

	private ClosestKey() {
	}

	/**
	 * The known key nearest to an unknown one.
	 * @param unknown the key as written
	 * @param known the keys allowed there, in the order to prefer on a tie
	 * @return the nearest, or empty when none is near
	 */
	static Optional<String> to(String unknown, Iterable<String> known) {
		String written = normalized(unknown);
		String closest = null;
		int best = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(written, normalized(candidate));
			if (distance < best) {
				best = distance;
				closest = candidate;
			}
		}
		return (best <= Math.min(2, written.length() / 2)) ? Optional.ofNullable(closest) : Optional.empty();
	}

	/**
	 * Edits from one key to another; a key that is a prefix of the other, of at least
	 * three letters, counts as one edit.
	 */
	private static int distance(String from, String to) {
		int shorter = Math.min(from.length(), to.length());
		if (shorter >= 3 && (from.startsWith(to) || to.startsWith(from))) {
			return Math.min(1, Math.abs(from.length() - to.length()));
		}
		return levenshtein(from, to);
	}

	private static int levenshtein(String from, String to) {
		int[] previous = new int[to.length() + 1];
		int[] current = new int[to.length() + 1];
		for (int j = 0; j <= to.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= from.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= to.length(); j++) {
				int substitution = previous[j - 1] + ((from.charAt(i - 1) == to.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[to.length()];
	}

	private static String normalized(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}

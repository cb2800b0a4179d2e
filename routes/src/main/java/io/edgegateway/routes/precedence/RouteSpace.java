package io.edgegateway.routes.precedence;

import java.util.Comparator;
import java.util.List;

/**
 * The requests a route can match, as far as precedence needs to know: its host patterns
 * (empty: any host), its path patterns (empty: any path), and how many other predicates
 * narrow it further (method, header, query, ...).
 *
 * @param hosts the {@code Host} predicates' patterns
 * @param paths the {@code Path} predicates' patterns
 * @param otherPredicates the number of other predicates
 */
public record RouteSpace(List<SegmentPattern> hosts, List<SegmentPattern> paths, int otherPredicates) {

	private static final SegmentPattern ANY_PATH = SegmentPattern.path("/**");

	/**
	 * How specific the route is; the more specific route is matched first, as in
	 * Kubernetes Gateway API: an exact host before a wildcard host before any host, then
	 * the longer literal path prefix, then a path of fixed length before one ending in
	 * {@code **}, then more other predicates. A route with several patterns counts as its
	 * least specific one.
	 * @return the specificity
	 */
	public Specificity specificity() {
		int hostRank = 0;
		int hostLabels = 0;
		if (!this.hosts.isEmpty()) {
			hostRank = this.hosts.stream().allMatch(SegmentPattern::exact) ? 2 : 1;
			hostLabels = this.hosts.stream().mapToInt(SegmentPattern::leadingLiterals).min().orElse(0);
		}
		List<SegmentPattern> paths = this.paths.isEmpty() ? List.of(ANY_PATH) : this.paths;
		SegmentPattern least = paths.stream()
			.min(Comparator.comparingInt(SegmentPattern::leadingLiterals)
				.thenComparing(SegmentPattern::fixedLength)
				.thenComparingInt(SegmentPattern::leadingLiteralLength))
			.orElse(ANY_PATH);
		return new Specificity(hostRank, hostLabels, least.leadingLiterals(), least.fixedLength(),
				least.leadingLiteralLength(), this.otherPredicates);
	}

	/**
	 * Whether a request could match both routes, going by hosts and paths only (other
	 * predicates are not compared, so an overlap may be reported where, say, two methods
	 * would keep them apart).
	 * @param other the other route's space
	 * @return {@code true} if some host and path match both
	 */
	public boolean overlaps(RouteSpace other) {
		return anyOverlap(this.hosts, other.hosts) && anyOverlap(this.paths, other.paths);
	}

	private static boolean anyOverlap(List<SegmentPattern> mine, List<SegmentPattern> theirs) {
		if (mine.isEmpty() || theirs.isEmpty()) {
			return true;
		}
		return mine.stream().anyMatch((pattern) -> theirs.stream().anyMatch(pattern::overlaps));
	}

	/**
	 * How specific a route is, most specific first when sorted.
	 *
	 * @param hostRank 2 for exact hosts, 1 for wildcard hosts, 0 for any host
	 * @param hostLabels the literal labels of the least specific host pattern
	 * @param pathLiterals the literal leading segments of the least specific path pattern
	 * @param fixedLength whether that pattern matches a fixed number of segments
	 * @param pathLiteralLength the characters of those literal segments
	 * @param otherPredicates the number of other predicates
	 */
	public record Specificity(int hostRank, int hostLabels, int pathLiterals, boolean fixedLength,
			int pathLiteralLength, int otherPredicates) implements Comparable<Specificity> {

		/**
		 * The comparison, most specific first, step by step with the rule each applies.
		 */
		static final List<PrecedenceStep<Specificity>> STEPS = List.of(
				PrecedenceStep.higherFirst(PrecedenceRule.MORE_SPECIFIC_HOST, Specificity::hostRank),
				PrecedenceStep.higherFirst(PrecedenceRule.MORE_SPECIFIC_HOST, Specificity::hostLabels),
				PrecedenceStep.higherFirst(PrecedenceRule.LONGER_PATH_PREFIX, Specificity::pathLiterals),
				PrecedenceStep.trueFirst(PrecedenceRule.FIXED_LENGTH, Specificity::fixedLength),
				PrecedenceStep.higherFirst(PrecedenceRule.LONGER_PATH_PREFIX, Specificity::pathLiteralLength),
				PrecedenceStep.higherFirst(PrecedenceRule.MORE_PREDICATES, Specificity::otherPredicates));

		@Override
		public int compareTo(Specificity other) {
			return PrecedenceStep.compare(STEPS, this, other);
		}

	}

}

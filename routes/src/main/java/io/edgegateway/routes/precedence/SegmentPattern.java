package io.edgegateway.routes.precedence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A path or host pattern of a route predicate, as the segments it matches: literal
 * segments, segments that match any one segment ({@code *}, {@code {id}},
 * {@code *.json}), and a tail that matches any number of segments ({@code **},
 * {@code {*rest}}). Enough to tell whether two patterns can match the same request and
 * whether one stays under a granted prefix, without enumerating requests. A segment with
 * a partial wildcard counts as matching any segment, so overlaps are over-reported, never
 * missed.
 *
 * @param pattern the pattern as written
 * @param segments the segments; for a host, its labels from the right
 */
public record SegmentPattern(String pattern, List<Segment> segments) {

	/**
	 * A path pattern as Spring's {@code PathPattern} reads it.
	 * @param pattern the pattern, such as {@code /api/orders/**}
	 * @return its segments
	 */
	public static SegmentPattern path(String pattern) {
		List<Segment> segments = new ArrayList<>();
		for (String part : pattern.split("/")) {
			if (!part.isEmpty()) {
				segments.add(segment(part, part.equals("**") || part.startsWith("{*")));
			}
		}
		return new SegmentPattern(pattern, List.copyOf(segments));
	}

	/**
	 * A host pattern as the {@code Host} predicate reads it, labels from the right, so a
	 * wildcard's suffix reads as a prefix.
	 * @param pattern the pattern, such as {@code *.example.com}
	 * @return its labels, from the right
	 */
	public static SegmentPattern host(String pattern) {
		String name = pattern.toLowerCase(Locale.ROOT);
		int port = name.lastIndexOf(':');
		if (port > 0 && name.indexOf(']') < port) {
			name = name.substring(0, port);
		}
		List<Segment> labels = new ArrayList<>();
		for (String label : name.split("\\.")) {
			if (!label.isEmpty()) {
				labels.add(segment(label, label.equals("**")));
			}
		}
		Collections.reverse(labels);
		return new SegmentPattern(pattern, List.copyOf(labels));
	}

	/**
	 * A host as a grant names it: an exact name, or {@code *.example.com} for every name
	 * below {@code example.com} (not {@code example.com} itself), as Kubernetes Gateway
	 * API hostnames read.
	 * @param grant the granted host
	 * @return its labels, from the right, a wildcard as a tail
	 */
	public static SegmentPattern hostGrant(String grant) {
		if (!grant.startsWith("*.")) {
			return host(grant);
		}
		List<Segment> labels = new ArrayList<>(host(grant.substring(2)).segments());
		labels.add(new Segment(Kind.TAIL, "*"));
		return new SegmentPattern(grant, List.copyOf(labels));
	}

	private static Segment segment(String text, boolean tail) {
		if (tail) {
			return new Segment(Kind.TAIL, text);
		}
		boolean wildcard = text.contains("*") || text.contains("?") || text.contains("{");
		return new Segment(wildcard ? Kind.ANY : Kind.LITERAL, text);
	}

	/**
	 * Whether some request could match both patterns.
	 * @param other the other pattern
	 * @return {@code true} if they can match the same path (or host)
	 */
	public boolean overlaps(SegmentPattern other) {
		return overlaps(this.segments, 0, other.segments, 0);
	}

	private static boolean overlaps(List<Segment> a, int i, List<Segment> b, int j) {
		if (i < a.size() && a.get(i).kind() == Kind.TAIL || j < b.size() && b.get(j).kind() == Kind.TAIL) {
			return true;
		}
		if (i == a.size() || j == b.size()) {
			return i == a.size() && j == b.size();
		}
		Segment left = a.get(i);
		Segment right = b.get(j);
		if (left.kind() == Kind.LITERAL && right.kind() == Kind.LITERAL && !left.text().equals(right.text())) {
			return false;
		}
		return overlaps(a, i + 1, b, j + 1);
	}

	/**
	 * Whether everything this pattern matches lies under a prefix of literal segments.
	 * @param prefix the prefix's segments
	 * @return {@code true} if the pattern's first segments are the prefix's, literally
	 */
	public boolean within(SegmentPattern prefix) {
		if (prefix.segments.size() > this.segments.size()) {
			return false;
		}
		for (int i = 0; i < prefix.segments.size(); i++) {
			Segment granted = prefix.segments.get(i);
			Segment own = this.segments.get(i);
			if (granted.kind() == Kind.TAIL) {
				return true;
			}
			if (own.kind() != Kind.LITERAL || !own.text().equals(granted.text())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * How far a path gets into the pattern: the number of the pattern's segments, from
	 * the start, that the path's segments match (a tail matches whatever is left). Tells
	 * how near a path that does not match comes.
	 * @param path a request path, such as {@code /api/orders/7}
	 * @return the number of leading segments matched
	 */
	public int matchingSegments(String path) {
		List<String> parts = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		int matched = 0;
		for (Segment segment : this.segments) {
			if (segment.kind() == Kind.TAIL) {
				return matched + 1;
			}
			if (matched == parts.size()
					|| segment.kind() == Kind.LITERAL && !segment.text().equals(parts.get(matched))) {
				return matched;
			}
			matched++;
		}
		return matched;
	}

	/**
	 * How many segments from the start are literal.
	 * @return the count
	 */
	public int leadingLiterals() {
		int count = 0;
		while (count < this.segments.size() && this.segments.get(count).kind() == Kind.LITERAL) {
			count++;
		}
		return count;
	}

	/**
	 * The characters of the literal segments from the start.
	 * @return their length
	 */
	public int leadingLiteralLength() {
		int length = 0;
		for (int i = 0; i < leadingLiterals(); i++) {
			length += this.segments.get(i).text().length();
		}
		return length;
	}

	/**
	 * Whether the pattern matches a fixed number of segments (no tail).
	 * @return {@code true} without {@code **}
	 */
	public boolean fixedLength() {
		return this.segments.stream().noneMatch((segment) -> segment.kind() == Kind.TAIL);
	}

	/**
	 * Whether every segment is literal.
	 * @return {@code true} for an exact path or host
	 */
	public boolean exact() {
		return leadingLiterals() == this.segments.size();
	}

	public enum Kind {

		LITERAL, ANY, TAIL

	}

	public record Segment(Kind kind, String text) {
	}

}

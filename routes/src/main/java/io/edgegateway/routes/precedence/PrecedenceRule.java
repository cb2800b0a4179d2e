package io.edgegateway.routes.precedence;

/**
 * A rule of the gateway's precedence order, named as an explanation of a routing decision
 * names it: why one route that matches a request answers it rather than another that also
 * matches. The rules apply in the order declared here; the first that tells two routes
 * apart decides.
 */
public enum PrecedenceRule {

	/**
	 * An exact {@code Host} before a wildcard one before none, then more literal labels.
	 */
	MORE_SPECIFIC_HOST("more specific host"),

	/**
	 * The longer literal path prefix, in segments, then in characters.
	 */
	LONGER_PATH_PREFIX("longer literal path prefix"),

	/**
	 * A path of a fixed length before one ending in {@code **}.
	 */
	FIXED_LENGTH("fixed length"),

	/**
	 * More other predicates ({@code Method}, {@code Header}, {@code Query}, ...).
	 */
	MORE_PREDICATES("more predicates"),

	/**
	 * Equally specific: the application's own route before a route file's.
	 */
	APPLICATION_ROUTE_FIRST("application route before route file"),

	/**
	 * Equally specific, one owner: the lower declared {@code order}.
	 */
	LOWER_ORDER("lower order"),

	/**
	 * Equal in everything else: the route declared first.
	 */
	DECLARED_EARLIER("declared earlier");

	private final String description;

	PrecedenceRule(String description) {
		this.description = description;
	}

	/**
	 * The rule as an explanation names it.
	 * @return e.g. {@code longer literal path prefix}
	 */
	public String description() {
		return this.description;
	}

}

package io.edgegateway.filters.token;

/**
 * Where a token was looked for: this replica's memory, or the cache the replicas share.
 */
public enum CacheLevel {

	/**
	 * The in-process cache of this replica.
	 */
	LOCAL("local"),

	/**
	 * The cache shared by the replicas (Redis).
	 */
	SHARED("redis");

	private final String tag;

	CacheLevel(String tag) {
		this.tag = tag;
	}

	/**
	 * The level's name in metrics ({@code level} tag).
	 * @return {@code local} or {@code redis}
	 */
	public String tag() {
		return this.tag;
	}

}

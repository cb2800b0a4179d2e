package io.edgegateway.filters.token.cache;

class InMemoryTokenCacheTests extends TokenCacheContractTests {

	private final InMemoryTokenCache cache = new InMemoryTokenCache(1000);

	@Override
	protected TokenCache cache() {
		return this.cache;
	}

}

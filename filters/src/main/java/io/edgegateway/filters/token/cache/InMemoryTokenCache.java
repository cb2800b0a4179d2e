package io.edgegateway.filters.token.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenKey;
import reactor.core.publisher.Mono;

/**
 * The in-process token cache (L1): bounded in size, each entry kept for its own time to
 * live.
 */
public final class InMemoryTokenCache implements TokenCache {

	private final Cache<TokenKey, Entry> entries;

	public InMemoryTokenCache(long maximumSize) {
		this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<TokenKey, Entry>() {

			@Override
			public long expireAfterCreate(TokenKey key, Entry entry, long currentTime) {
				return entry.timeToLive().toNanos();
			}

			@Override
			public long expireAfterUpdate(TokenKey key, Entry entry, long currentTime, long currentDuration) {
				return entry.timeToLive().toNanos();
			}

			@Override
			public long expireAfterRead(TokenKey key, Entry entry, long currentTime, long currentDuration) {
				return currentDuration;
			}

		}).build();
	}

	@Override
	public Mono<MintedToken> get(TokenKey key) {
		return Mono.fromSupplier(() -> this.entries.getIfPresent(key)).map(Entry::token);
	}

	@Override
	public Mono<Void> put(TokenKey key, MintedToken token, Duration timeToLive) {
		return Mono.fromRunnable(() -> this.entries.put(key, new Entry(token, timeToLive)));
	}

	@Override
	public Mono<Void> evict(TokenKey key) {
		return Mono.fromRunnable(() -> this.entries.invalidate(key));
	}

	@Override
	public Mono<Void> evictOwner(String owner) {
		return Mono.fromRunnable(() -> this.entries.asMap().keySet().removeIf((key) -> owner.equals(key.owner())));
	}

	private record Entry(MintedToken token, Duration timeToLive) {
	}

}

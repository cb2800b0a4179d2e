package io.edgegateway.filters.token.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import io.edgegateway.filters.support.RedisSupport;
import io.edgegateway.filters.token.MintedToken;
import io.edgegateway.filters.token.TokenCacheStatus;
import io.edgegateway.filters.token.TokenKey;
import io.edgegateway.filters.token.TokenKind;
import io.edgegateway.filters.token.TokenMetrics;
import io.edgegateway.filters.token.TokenService;
import io.edgegateway.filters.token.TokenServiceFactory;
import io.edgegateway.filters.token.cache.RedisTokenCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What the token cache costs a request, next to what minting costs: an L1 hit, a Redis
 * hit (the real Redis, with decryption), a mint with a simulated 20 ms identity provider,
 * and a stampede of 500 requests on one cold key. Run with
 * {@code scripts/bench-token-cache.sh}; the figures go into {@code docs/token-cache.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCacheBenchmarks {

	private static final Duration IDP_LATENCY = Duration.ofMillis(20);

	private final AtomicInteger mints = new AtomicInteger();

	private final TokenKey warm = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, "reports-sa").build();

	private LettuceConnectionFactory connectionFactory;

	private RedisTokenCache redis;

	private TokenService tokens;

	@Setup(Level.Trial)
	public void setUp() {
		RedisSupport support = RedisSupport.redis();
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(support.host(), support.port()));
		this.connectionFactory.afterPropertiesSet();
		EncryptionProperties keys = new EncryptionProperties();
		keys.setActiveKey("bench");
		keys.setKeys(Map.of("bench", Base64.getEncoder().encodeToString(new byte[32])));
		this.redis = new RedisTokenCache(this.connectionFactory, AesGcmCipher.from(keys, "bench"),
				"edge-bench:" + UUID.randomUUID() + ":", Duration.ofSeconds(2));
		this.tokens = new TokenServiceFactory(100_000, this.redis, null, new TokenCacheStatus(Clock.systemUTC()),
				TokenMetrics.NONE, Clock.systemUTC())
			.create(Duration.ofSeconds(30), Duration.ofSeconds(60));
		this.tokens.token(this.warm, this::mint).block();
		this.redis.put(this.warm, token(), Duration.ofMinutes(10)).block();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.connectionFactory.destroy();
	}

	@Benchmark
	public MintedToken l1Hit() {
		return this.tokens.token(this.warm, this::mint).block();
	}

	@Benchmark
	public MintedToken redisHit() {
		return this.redis.get(this.warm).block();
	}

	@Benchmark
	public MintedToken mintWithoutCache() {
		return mint().block();
	}

	/**
	 * 500 requests for one key nobody has yet: reports the wall time of the whole
	 * stampede and checks it minted once.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 10)
	public long stampedeOf500OnAColdKey() {
		TokenKey cold = TokenKey.builder(TokenKind.SERVICE_ACCOUNT, UUID.randomUUID().toString()).build();
		int before = this.mints.get();
		Long served = Flux.range(0, 500).flatMap((i) -> this.tokens.token(cold, this::mint), 500).count().block();
		int minted = this.mints.get() - before;
		if (minted != 1 || served == null || served != 500) {
			throw new IllegalStateException("A stampede of 500 minted " + minted + " times, served " + served);
		}
		return served;
	}

	private Mono<MintedToken> mint() {
		return Mono.delay(IDP_LATENCY).map((tick) -> {
			this.mints.incrementAndGet();
			return token();
		});
	}

	private static MintedToken token() {
		return new MintedToken("eyJhbGciOiJSUzI1NiJ9." + UUID.randomUUID(), Instant.now().plusSeconds(600));
	}

}

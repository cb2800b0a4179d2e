package io.edgegateway.app.session;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis defaults the gateway adds to Spring Boot's: {@code REDIS_URL}, and a Cluster
 * topology that follows a failover.
 */
class RedisEnvironmentPostProcessorTests {

	private final RedisEnvironmentPostProcessor postProcessor = new RedisEnvironmentPostProcessor();

	@Test
	void clusterConfiguredThenTopologyRefreshedAdaptivelyAndEveryFiveSeconds() {
		MockEnvironment environment = postProcess(
				new MockEnvironment().withProperty("spring.data.redis.cluster.nodes", "127.0.0.1:7000"));
		assertThat(environment.getProperty("spring.data.redis.lettuce.cluster.refresh.adaptive")).isEqualTo("true");
		assertThat(environment.getProperty("spring.data.redis.lettuce.cluster.refresh.period")).isEqualTo("5s");
	}

	@Test
	void refreshConfiguredThenTheDeploymentsValuesKept() {
		MockEnvironment environment = postProcess(
				new MockEnvironment().withProperty("spring.data.redis.cluster.nodes", "127.0.0.1:7000")
					.withProperty("spring.data.redis.lettuce.cluster.refresh.adaptive", "false")
					.withProperty("spring.data.redis.lettuce.cluster.refresh.period", "1m"));
		assertThat(environment.getProperty("spring.data.redis.lettuce.cluster.refresh.adaptive")).isEqualTo("false");
		assertThat(environment.getProperty("spring.data.redis.lettuce.cluster.refresh.period")).isEqualTo("1m");
	}

	@Test
	void redisUrlGivenThenSpringsUrl() {
		MockEnvironment environment = postProcess(new MockEnvironment().withProperty("REDIS_URL", "redis://r:6379"));
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://r:6379");
	}

	@Test
	void managedRedisExampleThenRedisConfigured() {
		MockEnvironment environment = new MockEnvironment();
		RedisFailoverIntegrationTests
			.documented("# Managed Redis", "spring.data.redis.url", "rediss://redis.example.com:6379")
			.forEach((name, value) -> environment.setProperty(name, (String) value));
		postProcess(environment);
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("rediss://redis.example.com:6379");
	}

	private MockEnvironment postProcess(MockEnvironment environment) {
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}

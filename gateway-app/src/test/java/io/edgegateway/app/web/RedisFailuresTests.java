package io.edgegateway.app.web;

import java.util.stream.Stream;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which Redis failures mean "Redis unavailable" (a {@code 503}, a session touch that may
 * wait) and which are faults of their own.
 */
class RedisFailuresTests {

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of(new RedisCommandTimeoutException("Command timed out after 3 second(s)"), true),
				Arguments.of(new RedisConnectionException("Unable to connect to 127.0.0.1:6379"), true),
				Arguments.of(new RedisCommandExecutionException("CLUSTERDOWN The cluster is down"), true),
				Arguments.of(new RedisSystemException("translated",
						new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")), true),
				Arguments.of(new RedisCommandExecutionException("TRYAGAIN Multiple keys request during rehashing"),
						true),
				Arguments.of(
						new RedisCommandExecutionException(
								"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."),
						true),
				Arguments.of(new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory"),
						true),
				Arguments.of(
						new RedisCommandExecutionException("READONLY You can't write against a read only replica."),
						true),
				Arguments.of(new RedisCommandExecutionException(
						"WRONGTYPE Operation against a key holding the wrong kind of value"), false),
				Arguments.of(new RedisCommandExecutionException("ERR no such key"), false),
				Arguments.of(new IllegalStateException("CLUSTERDOWN in another exception's message"), false));
	}

	@ParameterizedTest
	@MethodSource("failures")
	void isUnavailableWhenFailureThenWhetherRedisCannotServeNow(Throwable failure, boolean unavailable) {
		assertThat(RedisFailures.isUnavailable(failure)).isEqualTo(unavailable);
	}

}

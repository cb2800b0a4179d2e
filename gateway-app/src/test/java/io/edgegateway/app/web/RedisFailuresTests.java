package io.edgegateway.app.web;

import java.util.stream.Stream;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean Redis is unavailable ({@code 503}), through the wrapping Spring
 * Data Redis does or does not do.
 */
class RedisFailuresTests {

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("refused while disconnected (REJECT_COMMANDS), as Spring Data Redis translates it",
						new RedisSystemException("Unknown redis exception",
								new RedisException("Currently not connected. Commands are rejected.")),
						true),
				Arguments.of("refused while disconnected, untranslated",
						new RedisException("Currently not connected. Commands are rejected."), true),
				Arguments.of("no connection", new RedisConnectionFailureException("Unable to connect to Redis"), true),
				Arguments.of("Lettuce's connection failure", new RedisConnectionException("refused"), true),
				Arguments.of("command timeout", new RedisCommandTimeoutException("timed out"), true),
				Arguments.of("the session's own timeout", new QueryTimeoutException("no answer"), true),
				Arguments.of("loading its data", new RedisLoadingException("LOADING"), true),
				Arguments.of("busy with a script", new RedisBusyException("BUSY"), true),
				Arguments.of("a replica during a failover", new RedisReadOnlyException("READONLY"), true),
				Arguments.of("a Cluster between losing a primary and promoting its replica",
						new RedisCommandExecutionException("CLUSTERDOWN The cluster is down"), true),
				Arguments.of("the same, as Spring Data Redis translates it",
						new RedisSystemException("translated",
								new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")),
						true),
				Arguments.of("a slot being moved",
						new RedisCommandExecutionException("TRYAGAIN Multiple keys request during rehashing"), true),
				Arguments.of("a replica cut off from its primary",
						new RedisCommandExecutionException(
								"MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."),
						true),
				Arguments.of("loading, by its words",
						new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory"), true),
				Arguments.of("a write to a primary just demoted, by its words",
						new RedisCommandExecutionException("READONLY You can't write against a read only replica."),
						true),
				Arguments.of("no such key", new RedisCommandExecutionException("ERR no such key"), false),
				Arguments.of("the words in another exception's message",
						new IllegalStateException("CLUSTERDOWN in another exception's message"), false),
				Arguments.of("an error answer",
						new RedisSystemException("Error",
								new RedisCommandExecutionException("WRONGTYPE Operation against a key")),
						false),
				Arguments.of("not Redis at all", new IllegalStateException("bug"), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void isUnavailableWhenTheCauseChainSaysRedisCannotAnswer(String description, Throwable failure,
			boolean unavailable) {
		assertThat(RedisFailures.isUnavailable(failure)).isEqualTo(unavailable);
	}

}

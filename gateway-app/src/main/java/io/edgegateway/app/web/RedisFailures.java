package io.edgegateway.app.web;

import java.util.List;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What a Redis failure means: Redis unavailable (down, refusing connections, too slow to
 * answer, or not serving yet: loading its data, busy with a script, in the middle of a
 * failover), whether Spring Data Redis translated Lettuce's exception or not (its
 * reactive operations pass some through as they are).
 */
public final class RedisFailures {

	/**
	 * The errors by which Redis says it cannot serve the command now, though it answered,
	 * that Lettuce has no exception type of their own for: a Cluster that lost a primary
	 * and has not yet promoted its replica ({@code CLUSTERDOWN}), a slot being moved
	 * ({@code TRYAGAIN}), a replica cut off from its primary ({@code MASTERDOWN}).
	 */
	private static final List<String> UNAVAILABLE_ERRORS = List.of("CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN", "LOADING",
			"READONLY");

	private RedisFailures() {
	}

	/**
	 * Whether anything in the cause chain says Redis is unavailable.
	 * @param ex the failure
	 * @return whether it is Redis being unavailable
	 */
	public static boolean isUnavailable(Throwable ex) {
		return Causes.anyMatch(ex, RedisFailures::saysUnavailable);
	}

	private static boolean saysUnavailable(Throwable cause) {
		return cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
				|| cause instanceof RedisCommandTimeoutException || cause instanceof RedisConnectionException
				|| cause instanceof RedisLoadingException || cause instanceof RedisBusyException
				|| cause instanceof RedisReadOnlyException || isUnavailableError(cause) || isRefusedByClient(cause);
	}

	private static boolean isUnavailableError(Throwable cause) {
		String message = cause.getMessage();
		return cause instanceof RedisCommandExecutionException && message != null
				&& UNAVAILABLE_ERRORS.stream().anyMatch((error) -> message.startsWith(error + " "));
	}

	/**
	 * Lettuce refuses a command itself, with a plain {@link RedisException}, while its
	 * connection is down ("Currently not connected. Commands are rejected.", the
	 * gateway's {@code REJECT_COMMANDS}) or closed; its subclasses are Redis's own error
	 * answers.
	 */
	private static boolean isRefusedByClient(Throwable cause) {
		return cause.getClass() == RedisException.class;
	}

}

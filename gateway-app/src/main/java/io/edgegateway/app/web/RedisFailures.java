package io.edgegateway.app.web;

import java.util.List;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What a Redis failure means: Redis unavailable (down, refusing connections, too slow to
 * answer, or in the middle of a failover) or a command refused for a missing key, whether
 * Spring Data Redis translated Lettuce's exception or not (its reactive operations pass
 * some through as they are).
 */
public final class RedisFailures {

	/**
	 * The errors by which Redis says it cannot serve the command now, though it answered:
	 * a Cluster that lost a primary and has not yet promoted its replica
	 * ({@code CLUSTERDOWN}), a slot being moved ({@code TRYAGAIN}), a replica cut off
	 * from its primary ({@code MASTERDOWN}), a server loading its data ({@code LOADING}),
	 * a write that reached a primary just demoted ({@code READONLY}).
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
		return Causes.anyMatch(ex, (cause) -> cause instanceof DataAccessResourceFailureException
				|| cause instanceof TransientDataAccessException || cause instanceof RedisCommandTimeoutException
				|| cause instanceof RedisConnectionException || isUnavailableError(cause));
	}

	private static boolean isUnavailableError(Throwable cause) {
		String message = cause.getMessage();
		return cause instanceof RedisCommandExecutionException && message != null
				&& UNAVAILABLE_ERRORS.stream().anyMatch((error) -> message.startsWith(error + " "));
	}

}

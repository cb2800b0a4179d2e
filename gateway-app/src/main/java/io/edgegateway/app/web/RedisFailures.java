package io.edgegateway.app.web;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What a Redis failure means: Redis unavailable (down, refusing connections, too slow to
 * answer) or a command refused for a missing key, whether Spring Data Redis translated
 * Lettuce's exception or not (its reactive operations pass some through as they are).
 */
public final class RedisFailures {

	private RedisFailures() {
	}

	/**
	 * Whether anything in the cause chain says Redis is unavailable.
	 * @param ex the failure
	 * @return whether it is Redis being unavailable
	 */
	public static boolean isUnavailable(Throwable ex) {
		return Causes.anyMatch(ex,
				(cause) -> cause instanceof DataAccessResourceFailureException
						|| cause instanceof TransientDataAccessException
						|| cause instanceof RedisCommandTimeoutException || cause instanceof RedisConnectionException);
	}

}

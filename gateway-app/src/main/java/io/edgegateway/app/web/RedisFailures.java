package io.edgegateway.app.web;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells Redis being unavailable (down, refusing connections, too slow to answer) from
 * other failures, whether Spring Data Redis translated Lettuce's exception or not (its
 * reactive operations pass some through as they are).
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
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RedisCommandTimeoutException || cause instanceof RedisConnectionException) {
				return true;
			}
		}
		return false;
	}

}

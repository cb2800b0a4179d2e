package io.edgegateway.app.validation;

/**
 * Why the validator could not check the route files at all (exit code {@code 2}), as one
 * line that names the directory, file or option that is wrong.
 */
class CannotValidateException extends RuntimeException {

	CannotValidateException(String reason) {
		super(reason);
	}

	CannotValidateException(String reason, Throwable cause) {
		super(reason, cause);
	}

}

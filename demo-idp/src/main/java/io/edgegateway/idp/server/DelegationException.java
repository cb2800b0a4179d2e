package io.edgegateway.idp.server;

import org.springframework.http.HttpStatus;

/**
 * A refused domain-wide delegation request, with the error code, description and status
 * Google's token endpoint would answer.
 */
final class DelegationException extends RuntimeException {

	private final String error;

	private final HttpStatus status;

	DelegationException(String error, String description) {
		this(error, description, HttpStatus.BAD_REQUEST);
	}

	DelegationException(String error, String description, HttpStatus status) {
		super(description);
		this.error = error;
		this.status = status;
	}

	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

}

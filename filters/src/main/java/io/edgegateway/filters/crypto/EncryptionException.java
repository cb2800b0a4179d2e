package io.edgegateway.filters.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A value could not be encrypted or decrypted. The message names the key id, never key
 * material.
 */
public class EncryptionException extends RuntimeException {

	public EncryptionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

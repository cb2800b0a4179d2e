package io.edgegateway.filters.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text, in hex: how the gateway names a secret (a token, a refresh token, a
 * cache key's parts) without revealing it.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * The SHA-256 of a text's UTF-8 bytes.
	 * @param text the text
	 * @return 64 lower-case hex digits
	 */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}

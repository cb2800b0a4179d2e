package io.edgegateway.keycloak;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as an authenticator app computes them: HMAC-SHA1, six
 * digits, 30 s steps, Keycloak's default OTP policy. The test user's phone, in ten lines.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238: TOTP</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4226#section-5.3">RFC 4226 section 5.3:
 * dynamic truncation</a>
 */
public final class Totp {

	/**
	 * The time step of Keycloak's default OTP policy.
	 */
	public static final Duration STEP = Duration.ofSeconds(30);

	private Totp() {
	}

	/**
	 * The code for a moment.
	 * @param key the shared secret, as bytes (Keycloak uses the UTF-8 bytes of the
	 * credential's secret value)
	 * @param time the moment
	 * @param digits how many digits
	 * @return the code, zero-padded
	 */
	public static String code(byte[] key, Instant time, int digits) {
		long counter = time.getEpochSecond() / STEP.toSeconds();
		byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

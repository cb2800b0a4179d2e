package io.edgegateway.filters.credential.delegation;

import java.security.interfaces.RSAPrivateCrtKey;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.edgegateway.filters.crypto.PemKeys;

/**
 * A service account's key in Google's JSON key file format: {@code client_email},
 * {@code private_key} (PEM), {@code private_key_id} and {@code token_uri}.
 *
 * @param clientEmail the service account's email, the assertion's issuer
 * @param privateKey the signing key
 * @param privateKeyId the key id, the assertion's {@code kid}
 * @param tokenUri where the assertion is traded, also its audience
 */
public record ServiceAccountKey(String clientEmail, RSAPrivateCrtKey privateKey, String privateKeyId, String tokenUri) {

	/**
	 * Read a JSON key file.
	 * @param json the file's text
	 * @return the key
	 * @throws IllegalArgumentException naming the field that is missing or unreadable
	 */
	public static ServiceAccountKey parse(String json) {
		Map<String, Object> fields;
		try {
			fields = JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("not a JSON key file: " + ex.getMessage(), ex);
		}
		RSAPrivateCrtKey key;
		try {
			key = PemKeys.rsaPrivateKey(field(fields, "private_key"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("private_key: " + ex.getMessage(), ex);
		}
		return new ServiceAccountKey(field(fields, "client_email"), key, field(fields, "private_key_id"),
				field(fields, "token_uri"));
	}

	private static String field(Map<String, Object> fields, String name) {
		Object value = fields.get(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return text;
	}

	@Override
	public String toString() {
		return "ServiceAccountKey[" + this.clientEmail + ", kid=" + this.privateKeyId + "]";
	}

}

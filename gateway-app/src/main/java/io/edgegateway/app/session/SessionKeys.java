package io.edgegateway.app.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Where sessions and their index live in Redis: {@code <ns>:sessions:<id>} (Spring
 * Session's layout), {@code <ns>:index:user:<hash(issuer|sub)>} and
 * {@code <ns>:index:sid:<hash(issuer|sid)>}, sorted sets of session ids scored by each
 * session's expiry time; and {@code <ns>:logout-jti:<hash(issuer|jti)>}, the logout
 * tokens already used.
 */
final class SessionKeys {

	private final String namespace;

	SessionKeys(String namespace) {
		this.namespace = namespace;
	}

	String session(String id) {
		return this.namespace + ":sessions:" + id;
	}

	String user(String issuer, String subject) {
		return this.namespace + ":index:user:" + hash(issuer + "|" + subject);
	}

	String providerSession(String issuer, String sid) {
		return this.namespace + ":index:sid:" + hash(issuer + "|" + sid);
	}

	String logoutToken(String issuer, String jti) {
		return this.namespace + ":logout-jti:" + hash(issuer + "|" + jti);
	}

	/**
	 * A SHA-256 of a value, base64url without padding: index key suffixes, and the handle
	 * by which a listing, an operator and the audit log name a session without its id.
	 * @param value the value
	 * @return the hash
	 */
	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

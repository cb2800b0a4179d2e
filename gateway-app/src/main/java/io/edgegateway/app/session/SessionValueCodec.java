package io.edgegateway.app.session;

import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * Session values as they are stored in a session's Redis hash: a documented, versioned
 * JSON document, AES-GCM encrypted and bound to the hash's key and field, so the tokens a
 * session holds are never at rest in clear, a value copied to another session or field
 * does not decrypt, and a Spring Security upgrade that changes a class does not sign
 * everyone out.
 * <p>
 * Format 2 (written): {@code {"format":2,"value":<value>}}, where the value is written by
 * Spring Security's Jackson modules ({@link SecurityJacksonModules}) with its Java type
 * ({@code "@class"}, or {@code ["java.lang.String","/"]} for a plain value). A type is
 * read only if it is on the allowlist: Spring Security's own, plus the gateway's
 * {@link SessionDetails}, plain strings and numbers, and the maps the JWT decoder leaves
 * nested claims in; nothing else is ever instantiated, whatever Redis holds. A value is
 * read back as it is written, so one that readers would refuse fails its write, naming
 * its type. The document is encrypted with associated data
 * {@code length(key) | key | field} ({@link AesGcmCipher#encrypt(byte[], byte[])}).
 * <p>
 * Format 1 (the previous release's, read for one release and never written): JDK
 * serialization, encrypted without associated data. A session holding such a value is
 * rewritten in format 2 by its next request.
 * <p>
 * Decrypting and parsing the security context and the user's authorized clients was a
 * quarter of the gateway's CPU per request on a session route (load tests,
 * docs/performance.md). Large values are therefore also kept decoded in memory, keyed by
 * where they are stored and their exact encrypted bytes: a value read again unchanged at
 * the same key and field is decoded once (no AES, no JSON), a changed value has new bytes
 * (a fresh nonce on every write), and the same bytes under another key or field are
 * decoded (and refused) afresh, so the memory never serves a stale or moved value.
 */
final class SessionValueCodec {

	/**
	 * The format written.
	 */
	static final int FORMAT = 2;

	/**
	 * Smaller values (a saved request, a step-up time) are cheaper to decode than to look
	 * up.
	 */
	static final int DECODED_MINIMUM_BYTES = 512;

	private static final String NIMBUS_JSON_OBJECT = "com.nimbusds.jose.shaded.gson.internal.LinkedTreeMap";

	private final JsonMapper json;

	private final JdkSerializationRedisSerializer previousFormat;

	private final AesGcmCipher cipher;

	private final @Nullable Cache<StoredValue, Object> decoded;

	/**
	 * Create a codec.
	 * @param cipher encrypts values
	 * @param decodedCacheSize how many large values to keep decoded; 0 for none
	 */
	SessionValueCodec(AesGcmCipher cipher, int decodedCacheSize) {
		this(cipher, decodedCacheSize, SessionValueCodec.class.getClassLoader());
	}

	/**
	 * Create a codec with the Spring Security Jackson modules a class loader has.
	 * @param cipher encrypts values
	 * @param decodedCacheSize how many large values to keep decoded; 0 for none
	 * @param classLoader where {@link SecurityJacksonModules} looks for modules
	 */
	SessionValueCodec(AesGcmCipher cipher, int decodedCacheSize, ClassLoader classLoader) {
		BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
			.allowIfSubType(SessionDetails.class)
			// The ID token's issuer: Spring Security's ID token decoder makes "iss" a
			// URL.
			// Only the authorization server's module allows URL, and the gateway does not
			// ship it (the tests' classpath does).
			.allowIfSubType(URL.class)
			.allowIfSubType(String.class)
			.allowIfSubType(Long.class)
			.allowIfSubType(Integer.class)
			.allowIfSubType(Boolean.class)
			// Nested JSON objects in ID token claims, as the JWT decoder leaves them
			// (a plain map).
			.allowIfSubType(NIMBUS_JSON_OBJECT);
		List<JacksonModule> security = SecurityJacksonModules.getModules(classLoader, allowed);
		// The modules added Spring Security's types to the allowlist; the stored
		// value's own type is checked against it too.
		this.json = JsonMapper.builder().addModules(security).polymorphicTypeValidator(allowed.build()).build();
		this.previousFormat = new JdkSerializationRedisSerializer(classLoader);
		this.cipher = cipher;
		this.decoded = (decodedCacheSize > 0) ? Caffeine.newBuilder().maximumSize(decodedCacheSize).build() : null;
	}

	/**
	 * Encode an attribute value for a field of a session's hash.
	 * @param key the session's Redis key
	 * @param field the hash field
	 * @param value the value
	 * @return the stored bytes
	 */
	byte[] encode(String key, String field, Object value) {
		byte[] document;
		try {
			document = this.json.writeValueAsBytes(new Document(FORMAT, value));
		}
		catch (JacksonException ex) {
			throw new SerializationException("Cannot write session attribute '" + field + "' ("
					+ value.getClass().getName() + ") as JSON: " + ex.getOriginalMessage(), ex);
		}
		byte[] stored = this.cipher.encrypt(document, associatedData(key, field));
		// Read back what is written: a value readers would refuse (a type outside the
		// allowlist) fails its write, naming the type, rather than leaving a session
		// that cannot be read. The next read of these bytes is then a memory hit.
		Object written = fromJson(field, document);
		if (this.decoded != null && stored.length >= DECODED_MINIMUM_BYTES) {
			this.decoded.put(new StoredValue(key, field, ByteBuffer.wrap(stored)), written);
		}
		return stored;
	}

	/**
	 * Decode an attribute value read from a field of a session's hash.
	 * @param key the session's Redis key
	 * @param field the hash field
	 * @param stored the stored bytes
	 * @return the value
	 * @throws SerializationException if the value cannot be read here: another key or
	 * field, an unknown key id, an unknown format or type
	 */
	Object decode(String key, String field, byte[] stored) {
		if (this.decoded == null || stored.length < DECODED_MINIMUM_BYTES) {
			return read(key, field, stored);
		}
		return this.decoded.get(new StoredValue(key, field, ByteBuffer.wrap(stored)),
				(where) -> read(key, field, stored));
	}

	/**
	 * Encode a number (the session's times and timeout). Numbers are stored as decimal
	 * text: they hold no secret, and a copied time is harmless.
	 * @param value the number
	 * @return the stored bytes
	 */
	static byte[] encodeNumber(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Decode a number, in either format.
	 * @param key the session's Redis key
	 * @param field the hash field
	 * @param stored the stored bytes
	 * @return the number
	 * @throws SerializationException if it cannot be read
	 */
	long decodeNumber(String key, String field, byte[] stored) {
		if (!isPreviousFormat(stored)) {
			try {
				return Long.parseLong(new String(stored, StandardCharsets.US_ASCII));
			}
			catch (NumberFormatException ex) {
				throw new SerializationException("Session field '" + field + "' is not a number");
			}
		}
		if (read(key, field, stored) instanceof Number number) {
			return number.longValue();
		}
		throw new SerializationException("Session field '" + field + "' is not a number");
	}

	/**
	 * Whether stored bytes are in the previous release's format, so the session they
	 * belong to is to be rewritten.
	 * @param stored bytes of a session hash field
	 * @return whether they are an encrypted value without associated data
	 */
	static boolean isPreviousFormat(byte[] stored) {
		return stored.length > 0 && !AesGcmCipher.isBound(stored) && !Character.isDigit(stored[0]);
	}

	private Object read(String key, String field, byte[] stored) {
		try {
			if (isPreviousFormat(stored)) {
				Object value = this.previousFormat.deserialize(this.cipher.decryptUnbound(stored));
				if (value == null) {
					throw new SerializationException("Session field '" + field + "' is empty");
				}
				return value;
			}
			return fromJson(field, this.cipher.decrypt(stored, associatedData(key, field)));
		}
		catch (EncryptionException ex) {
			throw new SerializationException("Cannot read session field '" + field + "': " + ex.getMessage(), ex);
		}
	}

	private Object fromJson(String field, byte[] document) {
		Document read;
		try {
			read = this.json.readValue(document, Document.class);
		}
		catch (InvalidTypeIdException ex) {
			throw new SerializationException("Session field '" + field + "' holds type '" + ex.getTypeId()
					+ "', which is not on the allowlist of session value types");
		}
		catch (JacksonException ex) {
			// The message may quote the value (tokens); name the problem only.
			throw new SerializationException("Session field '" + field + "' is not a readable format " + FORMAT
					+ " value (" + ex.getClass().getSimpleName() + ")");
		}
		if (read.format() != FORMAT || read.value() == null) {
			throw new SerializationException(
					"Session field '" + field + "' has format " + read.format() + ", not " + FORMAT);
		}
		return read.value();
	}

	private static byte[] associatedData(String key, String field) {
		byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
		byte[] fieldBytes = field.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(4 + keyBytes.length + fieldBytes.length)
			.putInt(keyBytes.length)
			.put(keyBytes)
			.put(fieldBytes)
			.array();
	}

	/**
	 * The stored JSON document.
	 *
	 * @param format {@link #FORMAT}
	 * @param value the attribute value with its type
	 */
	record Document(int format, @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) @Nullable Object value) {
	}

	/**
	 * Where a value was read and its bytes: what a decoded value is remembered by.
	 */
	private record StoredValue(String key, String field, ByteBuffer bytes) {
	}

}

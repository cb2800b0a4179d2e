package io.edgegateway.app.session;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.filters.support.UnboundEncryption;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.session.Session;

/**
 * Writes a session hash the way the previous release did (format 1: every value, times
 * included, JDK-serialized and encrypted without associated data), so tests prove that an
 * upgrade reads it. Production code never writes this format.
 */
final class PreviousSessionFormat {

	private static final JdkSerializationRedisSerializer jdk = new JdkSerializationRedisSerializer();

	private PreviousSessionFormat() {
	}

	/**
	 * One value as the previous release stored it, with the tests' session key
	 * ({@code k1}).
	 */
	static byte[] value(Object value) {
		return UnboundEncryption.encrypt("k1", GatewayInstance.SESSION_KEY, jdk.serialize(value));
	}

	/**
	 * A whole session's hash as the previous release stored it.
	 */
	static Map<byte[], byte[]> hash(Session session) {
		Map<byte[], byte[]> hash = new LinkedHashMap<>();
		hash.put(bytes("creationTime"), value(session.getCreationTime().toEpochMilli()));
		hash.put(bytes("lastAccessedTime"), value(session.getLastAccessedTime().toEpochMilli()));
		hash.put(bytes("maxInactiveInterval"), value((int) session.getMaxInactiveInterval().toSeconds()));
		for (String name : session.getAttributeNames()) {
			hash.put(bytes("sessionAttr:" + name), value(session.getAttribute(name)));
		}
		return hash;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

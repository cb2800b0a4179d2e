package io.edgegateway.app.session;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.filters.crypto.AesGcmCipher;
import io.edgegateway.filters.crypto.EncryptionProperties;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionValueCodecTests {

	private static final String KEY = "edge:sessions:a";

	private static final String FIELD = "sessionAttr:SPRING_SECURITY_CONTEXT";

	private static final String SECRET = "a-refresh-token-value-".repeat(40);

	private final AesGcmCipher cipher = cipher("k1", GatewayInstance.SESSION_KEY);

	@Test
	void encodeThenStoredPlaintextIsTheDocumentedJsonWithItsVersion() {
		SecurityContextImpl context = context();
		byte[] stored = codec(0).encode(KEY, FIELD, context);
		assertThat(AesGcmCipher.isBound(stored)).isTrue();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("alice");
		JsonNode document = JsonMapper.builder().build().readTree(this.cipher.decrypt(stored, associatedData()));
		assertThat(document.get("format").asInt()).isEqualTo(2);
		assertThat(document.get("value").get("@class").asString())
			.isEqualTo("org.springframework.security.core.context.SecurityContextImpl");
		assertThat(document.get("value").get("authentication").get("principal").asString()).isEqualTo("alice");
		assertThat(codec(0).decode(KEY, FIELD, stored)).isEqualTo(context);
	}

	@Test
	void decodeWhenPlainValuesThenTheirTypesSurvive() {
		SessionValueCodec codec = codec(0);
		SessionDetails details = new SessionDetails("https://idp", "alice", "sid-1", "alice", "10.0.0.1", "curl",
				"owner-1");
		assertThat(codec.decode(KEY, "f", codec.encode(KEY, "f", "/orders?x=1"))).isEqualTo("/orders?x=1");
		assertThat(codec.decode(KEY, "f", codec.encode(KEY, "f", 42L))).isEqualTo(42L);
		assertThat(codec.decode(KEY, "f", codec.encode(KEY, "f", 1_767_225_600_000L))).isEqualTo(1_767_225_600_000L);
		assertThat(codec.decode(KEY, "f", codec.encode(KEY, "f", details))).isEqualTo(details);
	}

	@Test
	void decodeWhenCopiedToAnotherSessionOrFieldThenRefused() {
		byte[] stored = codec(16).encode(KEY, FIELD, context());
		SessionValueCodec reader = codec(16);
		assertThat(reader.decode(KEY, FIELD, stored)).isEqualTo(context());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> reader.decode("edge:sessions:b", FIELD, stored))
			.withMessage("Cannot read session field '" + FIELD
					+ "': Decryption with key 'k1' failed: tampered, moved or wrong key");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> reader.decode(KEY, "sessionAttr:SPRING_SECURITY_SAVED_REQUEST", stored));
	}

	@Test
	void decodeWhenLargeValueReadAgainUnchangedThenDecodedOnce() {
		SessionValueCodec writer = codec(0);
		SessionValueCodec reader = codec(16);
		byte[] stored = writer.encode(KEY, FIELD, new HashMap<>(Map.of("refresh_token", SECRET)));
		assertThat(stored.length).isGreaterThan(SessionValueCodec.DECODED_MINIMUM_BYTES);
		Object first = reader.decode(KEY, FIELD, stored);
		assertThat(reader.decode(KEY, FIELD, stored.clone())).isSameAs(first);
		byte[] rewritten = writer.encode(KEY, FIELD, new HashMap<>(Map.of("refresh_token", SECRET)));
		assertThat(reader.decode(KEY, FIELD, rewritten)).isEqualTo(first).isNotSameAs(first);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> reader.decode("edge:sessions:b", FIELD, stored));
	}

	@Test
	void decodeWhenPreviousReleasesFormatThenRead() {
		byte[] old = PreviousSessionFormat.value(context());
		assertThat(SessionValueCodec.isPreviousFormat(old)).isTrue();
		assertThat(codec(16).decode(KEY, FIELD, old)).isEqualTo(context());
		assertThat(codec(16).decodeNumber(KEY, "creationTime", PreviousSessionFormat.value(1234L))).isEqualTo(1234L);
		assertThat(codec(16).decodeNumber(KEY, "maxInactiveInterval", PreviousSessionFormat.value(1800)))
			.isEqualTo(1800L);
	}

	@Test
	void decodeNumberWhenCurrentFormatThenDecimalText() {
		byte[] stored = SessionValueCodec.encodeNumber(1_767_225_600_000L);
		assertThat(new String(stored, StandardCharsets.US_ASCII)).isEqualTo("1767225600000");
		assertThat(SessionValueCodec.isPreviousFormat(stored)).isFalse();
		assertThat(codec(0).decodeNumber(KEY, "lastAccessedTime", stored)).isEqualTo(1_767_225_600_000L);
	}

	@Test
	void decodeWhenTypeNotAllowedThenRefusedWithoutInstantiatingIt() {
		byte[] document = """
				{"format":2,"value":["java.lang.ProcessBuilder",{"command":["touch","/tmp/x"]}]}"""
			.getBytes(StandardCharsets.UTF_8);
		byte[] stored = this.cipher.encrypt(document, associatedData());
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec(0).decode(KEY, FIELD, stored))
			.withMessage("Session field '" + FIELD
					+ "' holds type 'java.lang.ProcessBuilder', which is not on the allowlist of session value types");
	}

	@Test
	void encodeWhenTypeNotAllowedThenTheWriteFailsNamingIt() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> codec(16).encode(KEY, "sessionAttr:x", new HashMap<>(Map.of("k", List.of("v")))))
			.withMessageContaining("holds type 'java.util.ImmutableCollections$List12'");
	}

	@Test
	void decodeWhenIdTokenClaimsAsTheJwtDecoderLeavesThemThenReadBack() throws Exception {
		Map<String, Object> claims = new LinkedHashMap<>(JWTClaimsSet.parse("""
				{"sub":"alice","iss":"https://idp.example","aud":["edge"],"exp":1767225600,"iat":1767225000,
				"realm_access":{"roles":["admin","user"]},"address":{"country":"NO"},"level":3,"weight":1.5}""")
			.getClaims());
		claims.put("iat", Instant.ofEpochSecond(1767225000));
		claims.put("exp", Instant.ofEpochSecond(1767225600));
		OidcIdToken idToken = new OidcIdToken("eyJ.id-token", Instant.ofEpochSecond(1767225000),
				Instant.ofEpochSecond(1767225600), Collections.unmodifiableMap(claims));
		DefaultOidcUser user = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken);
		SecurityContextImpl context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "idp"));
		SessionValueCodec codec = codec(16);
		Object read = codec(0).decode(KEY, FIELD, codec.encode(KEY, FIELD, context));
		OidcIdToken readToken = ((DefaultOidcUser) ((SecurityContextImpl) read).getAuthentication().getPrincipal())
			.getIdToken();
		assertThat(readToken.getClaimAsMap("realm_access")).containsEntry("roles", List.of("admin", "user"));
		assertThat(readToken.getClaimAsString("level")).isEqualTo("3");
		assertThat(readToken.getSubject()).isEqualTo("alice");
	}

	@Test
	void decodeWhenIdTokenIssuerIsAUrlAsSpringSecurityDecodesItThenReadBackWithoutTheAuthorizationServer()
			throws Exception {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "alice");
		claims.put("iss", URI.create("https://idp.example").toURL());
		OidcIdToken idToken = new OidcIdToken("eyJ.id-token", Instant.ofEpochSecond(1767225000),
				Instant.ofEpochSecond(1767225600), claims);
		DefaultOidcUser user = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken);
		SecurityContextImpl context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "idp"));
		// The gateway's jar has no Spring Authorization Server, whose Jackson module the
		// tests' classpath (the demo provider) would otherwise add to the allowlist.
		ClassLoader gateway = new ClassLoader(getClass().getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (name.startsWith("org.springframework.security.oauth2.server.authorization.")) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

		};
		SessionValueCodec codec = new SessionValueCodec(this.cipher, 0, gateway);
		Object read = codec.decode(KEY, FIELD, codec.encode(KEY, FIELD, context));
		OidcIdToken readToken = ((DefaultOidcUser) ((SecurityContextImpl) read).getAuthentication().getPrincipal())
			.getIdToken();
		assertThat(readToken.getIssuer()).isEqualTo(URI.create("https://idp.example").toURL());
	}

	@Test
	void decodeWhenOtherFormatThenRefused() {
		byte[] stored = this.cipher.encrypt("{\"format\":3,\"value\":[\"java.lang.String\",\"x\"]}".getBytes(),
				associatedData());
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec(0).decode(KEY, FIELD, stored))
			.withMessage("Session field '" + FIELD + "' has format 3, not 2");
	}

	@Test
	void decodeWhenKeyNotConfiguredThenRefusedEvenWhenDecodedValuesAreKept() {
		byte[] other = new SessionValueCodec(cipher("k2", "b3RoZXIta2V5LWZvci1lZGdlLWdhdGV3YXktc2Vzc2k="), 16)
			.encode(KEY, FIELD, new HashMap<>(Map.of("refresh_token", SECRET)));
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> codec(16).decode(KEY, FIELD, other))
			.withMessageContaining("'k2', which is not configured");
	}

	private static SecurityContextImpl context() {
		return new SecurityContextImpl(
				new TestingAuthenticationToken("alice", null, List.of(new SimpleGrantedAuthority("SCOPE_orders"))));
	}

	/**
	 * The associated data as docs/security.md documents it.
	 */
	private static byte[] associatedData() {
		byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
		byte[] field = FIELD.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(4 + key.length + field.length).putInt(key.length).put(key).put(field).array();
	}

	private SessionValueCodec codec(int decodedCacheSize) {
		return new SessionValueCodec(this.cipher, decodedCacheSize);
	}

	private static AesGcmCipher cipher(String id, String key) {
		EncryptionProperties properties = new EncryptionProperties();
		properties.setActiveKey(id);
		properties.getKeys().put(id, key);
		return AesGcmCipher.from(properties, "edge.session.encryption");
	}

}

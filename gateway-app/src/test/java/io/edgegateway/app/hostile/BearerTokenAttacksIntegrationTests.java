package io.edgegateway.app.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.RawHttp;
import io.edgegateway.app.support.TestServers;
import io.edgegateway.filters.support.TestClock;
import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.idp.DemoIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.edgegateway.app.hostile.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged and odd bearer tokens against a gateway of their own, with an identity provider
 * of their own that counts its JWK Set requests and rotates its key: {@code alg: none},
 * HS256 keyed with the provider's public key, keys offered in the token's header
 * ({@code jku}, {@code x5u}, {@code jwk}; a loopback listener must see no connection), a
 * flood of unknown {@code kid}s, and a real key rotation.
 */
class BearerTokenAttacksIntegrationTests {

	/**
	 * The default cooldown; the test moves the gateway's clock past it instead of
	 * waiting.
	 */
	private static final Duration COOLDOWN = Duration.ofSeconds(30);

	private static final TestClock clock = TestClock.ticking();

	private static DemoIdentityProvider idp;

	private static GatewayInstance gateway;

	private static ServerSocket attackerKeys;

	private static final AtomicInteger attackerConnections = new AtomicInteger();

	private static final TestKeys attacker = TestKeys.generate("attacker-1");

	@BeforeAll
	static void start() throws IOException {
		idp = DemoIdentityProvider.builder().port(0).start();
		gateway = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(), Map.of(), clock);
		attackerKeys = new ServerSocket();
		attackerKeys.bind(new InetSocketAddress("127.0.0.1", 0));
		Thread listener = new Thread(BearerTokenAttacksIntegrationTests::countConnections, "attacker-keys");
		listener.setDaemon(true);
		listener.start();
	}

	@AfterAll
	static void stop() throws IOException {
		attackerKeys.close();
		gateway.close();
		idp.close();
	}

	@Test
	void tokenOfTheProviderThen200() {
		assertThat(send(providerToken()).echo().header("X-User-Id")).containsExactly("carol");
	}

	@Test
	void concurrentFirstTokensOfAFreshGatewayWaitForTheOneKeyFetchAndAreServed() {
		try (GatewayInstance fresh = GatewayInstance.start(idp.issuer(), TestServers.upstream().uri().toString(),
				Map.of())) {
			int fetchesBefore = idp.jwksRequests();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				first.add(client.sendAsync(HttpRequest.newBuilder(URI.create(fresh.url() + "/api/first-" + i))
					.header("Authorization", "Bearer " + providerToken())
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString()));
			}
			assertThat(first).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
			assertThat(idp.jwksRequests() - fetchesBefore).isEqualTo(1);
		}
	}

	@Test
	void tokenUsedAgainAfterItExpiredThen401() {
		String token = providerToken(Duration.ofSeconds(120));
		assertThat(send(token).status()).isEqualTo(200);
		assertThat(send(token).status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(120).plus(Duration.ofSeconds(61)));
		assertUnauthorized(token);
	}

	@Test
	void algNoneThen401() {
		String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String token = header + "." + base64Url(claims().toString()) + ".";
		assertUnauthorized(token);
	}

	@Test
	void hs256KeyedWithTheProvidersPublicKeyThen401() throws Exception {
		RSAKey providerKey = (RSAKey) JWKSet.load(URI.create(idp.issuer() + "/oauth2/jwks").toURL()).getKeys().get(0);
		byte[] publicKey = providerKey.toRSAPublicKey().getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
				+ "\n-----END PUBLIC KEY-----\n";
		for (byte[] secret : List.of(publicKey, pem.getBytes(StandardCharsets.US_ASCII))) {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(providerKey.getKeyID()).build(), claims());
			jwt.sign(new MACSigner(secret));
			assertUnauthorized(jwt.serialize());
		}
	}

	@Test
	void keyOfferedInTheHeaderThen401AndTheOfferedLocationIsNeverContacted() throws Exception {
		URI attackerJwks = URI.create("http://127.0.0.1:" + attackerKeys.getLocalPort() + "/jwks.json");
		int before = attackerConnections.get();
		List<JWSHeader> headers = List.of(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.keyId()).jwkURL(attackerJwks).build(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.keyId()).x509CertURL(attackerJwks).build(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.keyId()).jwk(attacker.publicJwk()).build(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.publicJwk()).build());
		for (JWSHeader header : headers) {
			assertUnauthorized(attackerToken(header));
		}
		assertThat(attackerConnections.get()).isEqualTo(before);
	}

	@Test
	void providersKidOnATokenTheAttackerSignedThen401() throws Exception {
		String kid = JWKSet.load(URI.create(idp.issuer() + "/oauth2/jwks").toURL()).getKeys().get(0).getKeyID();
		assertUnauthorized(attackerToken(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build()));
	}

	@Test
	void floodOfUnknownKidsThenAtMostOneJwksFetchPerCooldownAndValidTokensStillServed() {
		clock.advance(COOLDOWN);
		int fetchesBefore = idp.jwksRequests();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			String token = attackerToken(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).build());
			flood.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/flood"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(send(providerToken()).status()).isEqualTo(200);
		assertThat(flood).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(401));
		assertThat(idp.jwksRequests() - fetchesBefore).isLessThanOrEqualTo(1);
	}

	@Test
	void providerRotatesItsKeyThenTokensOfTheNewKeyAreAcceptedOnceTheCooldownAllows() {
		assertThat(send(providerToken()).status()).isEqualTo(200);
		String newKid = idp.rotateSigningKey();
		String token = providerToken();
		assertThat(kid(token)).isEqualTo(newKid);
		clock.advance(COOLDOWN);
		int fetchesBefore = idp.jwksRequests();
		assertThat(send(token).status()).isEqualTo(200);
		assertThat(send(providerToken()).status()).isEqualTo(200);
		assertThat(idp.jwksRequests() - fetchesBefore).isEqualTo(1);
	}

	private static RawHttp.Response send(String token) {
		return new RawHttp(gateway.port())
			.send(request(gateway.port(), "GET /api/bearer HTTP/1.1", "Authorization: Bearer " + token));
	}

	private static void assertUnauthorized(String token) {
		int before = TestServers.upstream().received();
		RawHttp.Response response = send(token);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(TestServers.upstream().received()).isEqualTo(before);
	}

	private static String providerToken() {
		return providerToken(Duration.ofSeconds(300));
	}

	private static String providerToken(Duration lifetime) {
		Instant now = clock.instant();
		return idp.signAccessToken(Map.of("sub", "carol", "aud", List.of("edge-gateway")), now, now.plus(lifetime));
	}

	private static String attackerToken(JWSHeader header) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims());
			jwt.sign(new RSASSASigner(attacker.privateKey()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet claims() {
		Instant now = clock.instant();
		return new JWTClaimsSet.Builder().issuer(idp.issuer())
			.subject("mallory")
			.audience("edge-gateway")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
	}

	private static String base64Url(String json) {
		return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static void countConnections() {
		while (!attackerKeys.isClosed()) {
			try (Socket socket = attackerKeys.accept()) {
				attackerConnections.incrementAndGet();
			}
			catch (IOException ex) {
				if (!attackerKeys.isClosed()) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private static String kid(String token) {
		try {
			return SignedJWT.parse(token).getHeader().getKeyID();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

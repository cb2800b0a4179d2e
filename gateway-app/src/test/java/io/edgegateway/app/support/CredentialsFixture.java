package io.edgegateway.app.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.support.TestKeys;
import io.edgegateway.idp.DemoIdentityProvider;
import org.jspecify.annotations.Nullable;

/**
 * An identity provider that knows the gateway's client keys and service account, and the
 * gateway properties that go with it: the routes of {@code credentials-routes.yaml} with
 * their key files.
 */
public final class CredentialsFixture implements AutoCloseable {

	/**
	 * The domain-wide delegation service account.
	 */
	public static final String SERVICE_ACCOUNT_EMAIL = "gateway@edge-tests.iam.gserviceaccount.com";

	private final DemoIdentityProvider idp;

	private final Map<String, Object> gatewayProperties;

	private final Path clientKeyFile;

	private final String clientKeyPem;

	private CredentialsFixture(DemoIdentityProvider idp, Map<String, Object> gatewayProperties, Path clientKeyFile,
			String clientKeyPem) {
		this.idp = idp;
		this.gatewayProperties = gatewayProperties;
		this.clientKeyFile = clientKeyFile;
		this.clientKeyPem = clientKeyPem;
	}

	/**
	 * Start the identity provider and write the key files.
	 * @param keys a directory for the key files
	 * @return the fixture
	 */
	public static CredentialsFixture start(Path keys) {
		return start(keys, Duration.ofMinutes(5));
	}

	/**
	 * Start the identity provider, with access tokens of a given lifetime, and write the
	 * key files.
	 * @param keys a directory for the key files
	 * @param accessTokenTimeToLive how long the provider's access tokens live
	 * @return the fixture
	 */
	public static CredentialsFixture start(Path keys, Duration accessTokenTimeToLive) {
		TestKeys clientKey = TestKeys.generate("reports-sa-jwt-1");
		TestKeys serviceAccountKey = TestKeys.generate("workspace-1");
		TestKeys gatewayCertificate = TestKeys.generate("edge-gateway-1");
		DemoIdentityProvider idp = DemoIdentityProvider.builder()
			.port(0)
			.accessTokenTimeToLive(accessTokenTimeToLive)
			.clientPublicKey("reports-sa-jwt", clientKey.publicJwk())
			.clientPublicKey("edge-gateway", gatewayCertificate.publicJwk())
			.serviceAccount(SERVICE_ACCOUNT_EMAIL, serviceAccountKey.publicKey(), serviceAccountKey.keyId())
			.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.import", "classpath:credentials-routes.yaml");
		properties.put("edge.credentials.timeout", "2s");
		Path clientKeyFile = clientKey.writePem(keys.resolve("reports-sa-jwt.pem"));
		properties.put("edge.credentials.client-keys.reports-sa-jwt.private-key-file", clientKeyFile);
		properties.put("edge.credentials.client-keys.reports-sa-jwt.key-id", clientKey.keyId());
		properties.put("edge.credentials.client-keys.entra-obo-cert.private-key-file",
				gatewayCertificate.writePem(keys.resolve("entra-obo-cert.pem")));
		properties.put("edge.credentials.client-keys.entra-obo-cert.key-id", gatewayCertificate.keyId());
		properties.put("edge.credentials.service-accounts.workspace.key-file", serviceAccountKey
			.writeServiceAccountKeyFile(keys.resolve("workspace.json"), SERVICE_ACCOUNT_EMAIL, idp.googleTokenUri()));
		return new CredentialsFixture(idp, properties, clientKeyFile, clientKey.privateKeyPem());
	}

	public DemoIdentityProvider idp() {
		return this.idp;
	}

	/**
	 * A gateway's properties, with further ones.
	 * @param more properties to add
	 * @return the properties
	 */
	public Map<String, Object> gatewayProperties(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>(this.gatewayProperties);
		all.putAll(more);
		return all;
	}

	public Path clientKeyFile() {
		return this.clientKeyFile;
	}

	public String clientKeyPem() {
		return this.clientKeyPem;
	}

	/**
	 * Start a gateway with these properties.
	 * @param more properties to add
	 * @return the gateway
	 */
	public GatewayInstance startGateway(Map<String, Object> more) {
		return startGateway(more, null);
	}

	/**
	 * Start a gateway with these properties and a clock the test moves.
	 * @param more properties to add
	 * @param clock the gateway's clock, or {@code null} for the system's
	 * @return the gateway
	 */
	public GatewayInstance startGateway(Map<String, Object> more, @Nullable Clock clock) {
		return GatewayInstance.start(this.idp.issuer(), TestServers.upstream().uri().toString(),
				gatewayProperties(more), clock);
	}

	@Override
	public void close() {
		this.idp.close();
	}

}

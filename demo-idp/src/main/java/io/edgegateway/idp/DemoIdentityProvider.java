package io.edgegateway.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.RSAKey;
import io.edgegateway.idp.server.AccessTokenSigner;
import io.edgegateway.idp.server.EdgeGatewayClient;
import io.edgegateway.idp.server.GoogleTokenEndpoint;
import io.edgegateway.idp.server.LogoutTokenSigner;
import io.edgegateway.idp.server.RequestCounter;
import io.edgegateway.idp.server.ServiceAccountClients;
import io.edgegateway.idp.server.SigningKeys;
import io.edgegateway.idp.server.TokenRequestCounter;
import io.edgegateway.idp.server.TrustedKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo identity provider, running: a Spring Authorization Server in its own servlet
 * Spring Boot context on {@code 127.0.0.1}, isolated from any application it shares the
 * JVM with. The gateway's tests start one next to the gateway; {@link #close()} stops it.
 *
 * <pre class="code">
 * try (DemoIdentityProvider idp = DemoIdentityProvider.builder().port(0).start()) {
 *     String issuer = idp.issuer();
 * }
 * </pre>
 */
public final class DemoIdentityProvider implements AutoCloseable {

	private static final String LOOPBACK = "127.0.0.1";

	private final ConfigurableApplicationContext context;

	private final int port;

	private DemoIdentityProvider(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * A builder with the defaults: port 9000, the gateway's redirect URIs on port 8080,
	 * five-minute access tokens and rotating refresh tokens.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The issuer, also the base URI of every endpoint.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String issuer() {
		return issuer(this.port);
	}

	/**
	 * The port the identity provider listens on.
	 * @return the port, never 0
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The Google-style token endpoint for domain-wide delegation.
	 * @return {@code http://127.0.0.1:<port>/google/token}
	 */
	public String googleTokenUri() {
		return issuer() + GoogleTokenEndpoint.PATH;
	}

	/**
	 * How many requests reached a token endpoint ({@code /oauth2/token} or
	 * {@code /google/token}) with the given grant type, whether they succeeded or not.
	 * @param grantType the {@code grant_type}, for example {@code authorization_code},
	 * {@code refresh_token}, {@code client_credentials},
	 * {@code urn:ietf:params:oauth:grant-type:token-exchange} or
	 * {@code urn:ietf:params:oauth:grant-type:jwt-bearer}
	 * @return the count since start
	 */
	public int tokenRequests(String grantType) {
		return tokenRequestCounter().count(grantType);
	}

	/**
	 * How many requests reached a token endpoint, whatever their grant type, whether they
	 * succeeded or not.
	 * @return the count since start
	 */
	public int tokenRequests() {
		return tokenRequestCounter().count();
	}

	/**
	 * The {@code traceparent} headers (W3C Trace Context) that requests to a token
	 * endpoint came with, in order.
	 * @return the headers since start
	 */
	public List<String> tokenRequestTraceparents() {
		return tokenRequestCounter().traceparents();
	}

	/**
	 * Makes both token endpoints wait before answering every request, for tests of
	 * timeouts.
	 * @param delay how long; {@link Duration#ZERO} (the default) answers at once
	 */
	public void tokenEndpointDelay(Duration delay) {
		tokenRequestCounter().delay(delay);
	}

	/**
	 * Makes both token endpoints answer every request with the given status and the
	 * non-JSON body {@code <html>oops</html>}, for tests of a broken identity provider.
	 * The requests are still counted.
	 * @param status the status, for example 500 or 503; 0 (the default) answers normally
	 */
	public void tokenEndpointFailure(int status) {
		tokenRequestCounter().failureStatus(status);
	}

	/**
	 * Signs a JWT with the identity provider's own key (the one its JWKS publishes), with
	 * {@code iss} set to the issuer and then the given claims added. Lets tests mint
	 * expired or odd access tokens that still verify.
	 * @param claims the claims to add, for example {@code sub} and {@code aud}; may
	 * override {@code iss}
	 * @param issuedAt the {@code iat} claim
	 * @param expiresAt the {@code exp} claim
	 * @return the serialized JWT
	 */
	public String signAccessToken(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
		return this.context.getBean(AccessTokenSigner.class).sign(claims, issuedAt, expiresAt);
	}

	/**
	 * Signs an OpenID Connect back-channel logout token for the {@code edge-gateway}
	 * client with the identity provider's own key ({@code typ: logout+jwt}): {@code iss},
	 * {@code aud}, {@code iat} now, {@code exp} in two minutes, a fresh {@code jti} and
	 * the back-channel logout event, then the given changes, for example {@code sid}
	 * and/or {@code sub}. A relying party's back-channel logout endpoint takes it as the
	 * form parameter {@code logout_token}.
	 * @param changes claims to add or replace; a {@code null} value removes the claim
	 * @return the serialized JWT
	 */
	public String signLogoutToken(Map<String, ? extends @Nullable Object> changes) {
		return this.context.getBean(LogoutTokenSigner.class).sign(changes);
	}

	/**
	 * How many requests reached the JWK Set endpoint ({@code /oauth2/jwks}).
	 * @return the count since start
	 */
	public int jwksRequests() {
		return this.context.getBean("jwksRequestCounter", RequestCounter.class).count();
	}

	/**
	 * How many requests reached the authorization endpoint ({@code /oauth2/authorize}):
	 * the sign-ins a client started, and the login form's return to it.
	 * @return the count since start
	 */
	public int authorizationRequests() {
		return this.context.getBean("authorizationRequestCounter", RequestCounter.class).count();
	}

	/**
	 * How many requests reached the identity provider, whatever the endpoint.
	 * @return the count since start
	 */
	public int requests() {
		return this.context.getBean("requestCounter", RequestCounter.class).count();
	}

	/**
	 * Rotates the signing key, as a provider does: a new key is published in the JWK Set
	 * and signs every token from now on; the old key stays published.
	 * @return the new key's id ({@code kid})
	 */
	public String rotateSigningKey() {
		return this.context.getBean(SigningKeys.class).rotate();
	}

	/**
	 * Stops the identity provider.
	 */
	@Override
	public void close() {
		this.context.close();
	}

	private TokenRequestCounter tokenRequestCounter() {
		return this.context.getBean(TokenRequestCounter.class);
	}

	private static String issuer(int port) {
		return "http://" + LOOPBACK + ":" + port;
	}

	/**
	 * Configures and starts a {@link DemoIdentityProvider}.
	 */
	public static final class Builder {

		private int port = 9000;

		private List<String> redirectUris = List.of("http://127.0.0.1:8080/login/oauth2/code/idp",
				"http://localhost:8080/login/oauth2/code/idp");

		private List<String> postLogoutRedirectUris = List.of("http://127.0.0.1:8080/", "http://localhost:8080/");

		private Duration accessTokenTimeToLive = Duration.ofMinutes(5);

		private boolean reuseRefreshTokens;

		private final Map<String, RSAKey> clientKeys = new LinkedHashMap<>();

		private final Map<String, Map<String, RSAPublicKey>> serviceAccountKeys = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * The port to listen on; default 9000.
		 * @param port the port, or 0 for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * The redirect URIs of the {@code edge-gateway} client; a loopback URI also
		 * matches on any other port. Default:
		 * {@code http://127.0.0.1:8080/login/oauth2/code/idp} and
		 * {@code http://localhost:8080/login/oauth2/code/idp}.
		 * @param redirectUris the redirect URIs
		 * @return this builder
		 */
		public Builder redirectUris(List<String> redirectUris) {
			this.redirectUris = List.copyOf(redirectUris);
			return this;
		}

		/**
		 * The post-logout redirect URIs of the {@code edge-gateway} client; a loopback
		 * URI also matches on any other port. Default: {@code http://127.0.0.1:8080/} and
		 * {@code http://localhost:8080/}.
		 * @param postLogoutRedirectUris the post-logout redirect URIs
		 * @return this builder
		 */
		public Builder postLogoutRedirectUris(List<String> postLogoutRedirectUris) {
			this.postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
			return this;
		}

		/**
		 * How long access tokens live; default five minutes.
		 * @param accessTokenTimeToLive the time to live
		 * @return this builder
		 */
		public Builder accessTokenTimeToLive(Duration accessTokenTimeToLive) {
			this.accessTokenTimeToLive = accessTokenTimeToLive;
			return this;
		}

		/**
		 * Whether a refresh token stays usable after use; default {@code false}: every
		 * refresh returns a new refresh token and the old one is rejected with
		 * {@code invalid_grant}.
		 * @param reuseRefreshTokens whether to reuse refresh tokens
		 * @return this builder
		 */
		public Builder reuseRefreshTokens(boolean reuseRefreshTokens) {
			this.reuseRefreshTokens = reuseRefreshTokens;
			return this;
		}

		/**
		 * The public key that verifies a client's {@code private_key_jwt} client
		 * assertions (RS256). The identity provider serves it as a JWK Set at
		 * {@code {issuer}/test-client-jwks/{clientId}} and registers the client with that
		 * JWK Set URL. For {@code reports-sa-jwt} this registers the client, which
		 * otherwise does not exist; for {@code edge-gateway} it allows
		 * {@code private_key_jwt} besides the client secret.
		 * @param clientId {@code reports-sa-jwt} or {@code edge-gateway}
		 * @param publicJwk the client's RSA key; only its public part is used
		 * @return this builder
		 */
		public Builder clientPublicKey(String clientId, RSAKey publicJwk) {
			if (!Set.of(ServiceAccountClients.JWT_CLIENT_ID, EdgeGatewayClient.CLIENT_ID).contains(clientId)) {
				throw new IllegalArgumentException("No client " + clientId + " can use private_key_jwt; use "
						+ ServiceAccountClients.JWT_CLIENT_ID + " or " + EdgeGatewayClient.CLIENT_ID);
			}
			this.clientKeys.put(clientId, publicJwk.toPublicJWK());
			return this;
		}

		/**
		 * Registers a key of a Google-style service account allowed to sign domain-wide
		 * delegation assertions for {@code {issuer}/google/token}. May be called several
		 * times for the same account, with different key ids.
		 * @param clientEmail the service account's {@code client_email}, the assertion's
		 * {@code iss}
		 * @param publicKey the public key of the service account's key pair
		 * @param keyId the key id ({@code private_key_id}), the assertion's {@code kid}
		 * header
		 * @return this builder
		 */
		public Builder serviceAccount(String clientEmail, RSAPublicKey publicKey, String keyId) {
			this.serviceAccountKeys.computeIfAbsent(clientEmail, (email) -> new LinkedHashMap<>())
				.put(keyId, publicKey);
			return this;
		}

		/**
		 * Starts the identity provider and waits until it listens.
		 * @return the running identity provider
		 */
		public DemoIdentityProvider start() {
			int resolvedPort = (this.port != 0) ? this.port : freePort();
			ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoIdentityProviderApplication.class)
				.main(DemoIdentityProviderApplication.class)
				.web(WebApplicationType.SERVLET)
				.environment(IsolatedEnvironment.create(resolvedPort, issuer(resolvedPort), this.redirectUris,
						this.postLogoutRedirectUris, this.accessTokenTimeToLive, this.reuseRefreshTokens))
				.initializers((applicationContext) -> applicationContext.getBeanFactory()
					.registerSingleton("trustedKeys", trustedKeys()))
				.run();
			return new DemoIdentityProvider(context, resolvedPort);
		}

		private TrustedKeys trustedKeys() {
			Map<String, Map<String, RSAPublicKey>> serviceAccounts = new LinkedHashMap<>();
			this.serviceAccountKeys.forEach((email, keys) -> serviceAccounts.put(email, Map.copyOf(keys)));
			return new TrustedKeys(this.clientKeys, serviceAccounts);
		}

		/**
		 * Finds a free port up front, because the issuer (which contains the port) must
		 * be known before the context starts.
		 */
		private static int freePort() {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(LOOPBACK, 0));
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No free port on the loopback interface", ex);
			}
		}

	}

}

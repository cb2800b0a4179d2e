package io.edgegateway.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.idp.server.AccessTokenSigner;
import io.edgegateway.idp.server.TokenRequestCounter;

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
	 * How many requests reached the token endpoint with the given grant type, whether
	 * they succeeded or not.
	 * @param grantType the {@code grant_type}, for example {@code authorization_code},
	 * {@code refresh_token} or {@code client_credentials}
	 * @return the count since start
	 */
	public int tokenRequests(String grantType) {
		return this.context.getBean(TokenRequestCounter.class).count(grantType);
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
	 * Stops the identity provider.
	 */
	@Override
	public void close() {
		this.context.close();
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
				.run();
			return new DemoIdentityProvider(context, resolvedPort);
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

package io.edgegateway.app.bearer;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The JWK set URI an issuer publishes in its OpenID Connect discovery document
 * ({@code {issuer}/.well-known/openid-configuration}), read when first asked for and then
 * remembered; a failed read is tried again the next time. The document must name the
 * configured issuer exactly, as OpenID Connect Discovery requires.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OpenID
 * Connect Discovery 1.0 section 4</a>
 */
final class IssuerJwkSetUri implements Supplier<Mono<String>> {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final Mono<String> jwkSetUri;

	IssuerJwkSetUri(String issuer, WebClient webClient) {
		String location = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
				+ "/.well-known/openid-configuration";
		this.jwkSetUri = webClient.get()
			.uri(location)
			.retrieve()
			.bodyToMono(JSON_OBJECT)
			.timeout(TIMEOUT)
			.map((metadata) -> jwkSetUri(issuer, metadata))
			.cache((uri) -> Duration.ofMillis(Long.MAX_VALUE), (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<String> get() {
		return this.jwkSetUri;
	}

	private static String jwkSetUri(String issuer, Map<String, Object> metadata) {
		if (!issuer.equals(metadata.get("issuer"))) {
			throw new IllegalStateException(
					"The discovery document of " + issuer + " names another issuer: " + metadata.get("issuer"));
		}
		if (!(metadata.get("jwks_uri") instanceof String uri)) {
			throw new IllegalStateException("The discovery document of " + issuer + " has no jwks_uri");
		}
		return uri;
	}

}

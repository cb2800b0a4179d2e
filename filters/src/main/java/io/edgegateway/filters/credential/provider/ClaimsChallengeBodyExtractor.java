package io.edgegateway.filters.credential.provider;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.edgegateway.filters.credential.ClaimsChallengeError;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.web.reactive.function.OAuth2BodyExtractors;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Reads a token response as Spring Security does, except that an error response with a
 * {@code claims} value (Entra ID's claims challenge) keeps it: Spring Security's
 * {@code OAuth2Error} has no place for it, and without it the user's next sign-in cannot
 * satisfy the policy that refused the token.
 */
final class ClaimsChallengeBodyExtractor
		implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	private static final BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> SPRING_SECURITY = OAuth2BodyExtractors
		.oauth2AccessTokenResponse();

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage message, Context context) {
		return DataBufferUtils.join(message.getBody()).map((buffer) -> {
			byte[] body = new byte[buffer.readableByteCount()];
			buffer.read(body);
			DataBufferUtils.release(buffer);
			return body;
		}).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			ClaimsChallengeError challenge = challenge(body);
			if (challenge != null) {
				return Mono.error(new OAuth2AuthorizationException(challenge));
			}
			return SPRING_SECURITY.extract(new ReadMessage(message.getHeaders(), body), context);
		});
	}

	private static @Nullable ClaimsChallengeError challenge(byte[] body) {
		try {
			Map<String, Object> json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
			if (json.get("error") instanceof String error && json.get("claims") instanceof String claims
					&& !claims.isBlank()) {
				return new ClaimsChallengeError(error, (String) json.get("error_description"),
						(String) json.get("error_uri"), claims);
			}
		}
		catch (ParseException | ClassCastException ex) {
			// not a JSON object with string members: Spring Security reports it
		}
		return null;
	}

	/**
	 * The response, read once, handed on.
	 */
	private record ReadMessage(HttpHeaders headers, byte[] body) implements ReactiveHttpInputMessage {

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body));
		}

	}

}

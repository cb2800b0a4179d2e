package io.edgegateway.app.bearer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.edgegateway.app.security.EdgeSecurityProperties;
import io.edgegateway.app.security.KnownBearerTokens;
import io.edgegateway.filters.tracing.ProviderWebClients;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The decoder of bearer JWTs, in place of Spring Boot's: the same properties
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri},
 * {@code audiences}, {@code jws-algorithms}) and the same validation (signature, issuer,
 * expiry, audience, and any further {@link OAuth2TokenValidator} bean), with the
 * provider's keys from a {@link JwkSetSource} that fetches them at most once per
 * {@code edge.security.bearer.jwks-refresh-cooldown}. A token's signature is verified
 * once: later requests with it run the claim validators only ({@link VerifiedJwtCache}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' != '' "
		+ "or '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' != ''")
class BearerTokenConfiguration {

	private static final Log logger = LogFactory.getLog(BearerTokenConfiguration.class);

	private static final String PROPERTIES = "spring.security.oauth2.resourceserver.jwt";

	/**
	 * How a verified token becomes the request's authentication
	 * ({@link JwtAuthenticationConverters}): for Spring Security's bearer filter and for
	 * a token verified before alike.
	 * @param resourceServer Spring Boot's resource server properties
	 * @return the converter
	 */
	@Bean
	JwtAuthenticationConverter jwtAuthenticationConverter(OAuth2ResourceServerProperties resourceServer) {
		return JwtAuthenticationConverters.of(resourceServer);
	}

	/**
	 * The tokens the decoder verified before, for the short way through the security
	 * chain: none when verified tokens are not kept
	 * ({@code edge.security.bearer.verified-cache-size=0}).
	 * @param jwtDecoder the decoder
	 * @param authentication turns a token into the request's authentication
	 * @return the known tokens
	 */
	@Bean
	KnownBearerTokens knownBearerTokens(ReactiveJwtDecoder jwtDecoder, JwtAuthenticationConverter authentication) {
		if (!(jwtDecoder instanceof VerifiedTokens verified)) {
			return KnownBearerTokens.NONE;
		}
		return (token) -> {
			Jwt jwt = verified.verified(token);
			return (jwt != null) ? authentication.convert(jwt) : null;
		};
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, EdgeSecurityProperties security,
			ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock,
			ProviderWebClients webClients) {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		List<SignatureAlgorithm> algorithms = new ArrayList<>();
		for (String algorithm : jwt.getJwsAlgorithms()) {
			SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.from(algorithm);
			if (signatureAlgorithm == null) {
				throw new InvalidConfigurationPropertyValueException(PROPERTIES + ".jws-algorithms", algorithm,
						"Unknown algorithm");
			}
			algorithms.add(signatureAlgorithm);
		}
		if (jwt.getAudiences().isEmpty()) {
			logger.warn(PROPERTIES + ".audiences is not set: bearer tokens are accepted whatever their audience, "
					+ "including tokens the provider issued for other services. Set it to the audience the provider "
					+ "puts in tokens meant for this gateway.");
		}
		IssuerDecoders decoders = new IssuerDecoders(algorithms, security.getBearer(),
				additionalValidators.orderedStream().toList(), clock, webClients);
		ReactiveJwtDecoder primary = decoders.decoder(jwt.getIssuerUri(), jwt.getJwkSetUri(), jwt.getAudiences());
		List<EdgeSecurityProperties.Issuer> issuers = security.getBearer().getIssuers();
		if (issuers.isEmpty()) {
			return primary;
		}
		if (!StringUtils.hasText(jwt.getIssuerUri())) {
			throw new InvalidConfigurationPropertyValueException(PROPERTIES + ".issuer-uri", null,
					"is required when edge.security.bearer.issuers is set: each token is verified by the issuer it names");
		}
		Map<String, ReactiveJwtDecoder> byIssuer = new LinkedHashMap<>();
		byIssuer.put(jwt.getIssuerUri(), primary);
		for (int i = 0; i < issuers.size(); i++) {
			EdgeSecurityProperties.Issuer issuer = issuers.get(i);
			if (byIssuer.containsKey(issuer.getIssuerUri())) {
				throw new InvalidConfigurationPropertyValueException(
						"edge.security.bearer.issuers[" + i + "].issuer-uri", issuer.getIssuerUri(),
						"is trusted already");
			}
			byIssuer.put(issuer.getIssuerUri(),
					decoders.decoder(issuer.getIssuerUri(), issuer.getJwkSetUri(), issuer.getAudiences()));
		}
		return new IssuerRoutingJwtDecoder(byIssuer);
	}

	/**
	 * Builds the decoder of one issuer: its keys, the configured algorithms, the
	 * validation of issuer, audience, expiry and any further rule, and the verified-token
	 * cache.
	 */
	private record IssuerDecoders(List<SignatureAlgorithm> algorithms, EdgeSecurityProperties.Bearer bearer,
			List<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock, ProviderWebClients webClients) {

		ReactiveJwtDecoder decoder(@Nullable String issuer, @Nullable String jwkSetUri, List<String> audiences) {
			WebClient webClient = this.webClients.create();
			Supplier<Mono<String>> keysAt = StringUtils.hasText(jwkSetUri) ? () -> Mono.just(jwkSetUri)
					: new IssuerJwkSetUri(issuer, webClient);
			JwkSetSource keys = new JwkSetSource(keysAt, webClient, this.bearer.getJwksRefreshCooldown(),
					this.bearer.getJwksMaxAge(), this.clock);
			NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
				.withJwkSource(keys);
			this.algorithms.forEach(builder::jwsAlgorithm);
			NimbusReactiveJwtDecoder decoder = builder.build();
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			if (StringUtils.hasText(issuer)) {
				validators.add(new JwtIssuerValidator(issuer));
			}
			if (!audiences.isEmpty()) {
				validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && !Collections.disjoint(audience, audiences)));
			}
			validators.addAll(this.additionalValidators);
			JwtTimestampValidator timestamps = new JwtTimestampValidator();
			timestamps.setClock(this.clock);
			validators.add(timestamps);
			OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
			decoder.setJwtValidator(validator);
			if (this.bearer.getVerifiedCacheSize() == 0) {
				return decoder;
			}
			return new VerifiedJwtCache(decoder, validator, this.bearer.getVerifiedCacheSize(),
					this.bearer.getJwksMaxAge(), this.clock);
		}

	}

}

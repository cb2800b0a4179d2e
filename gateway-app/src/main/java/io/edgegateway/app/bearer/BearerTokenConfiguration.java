package io.edgegateway.app.bearer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import io.edgegateway.app.security.EdgeSecurityProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

	@Bean
	ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, EdgeSecurityProperties security,
			ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators, Clock clock) {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		WebClient webClient = WebClient.create();
		String issuer = jwt.getIssuerUri();
		Supplier<Mono<String>> jwkSetUri = StringUtils.hasText(jwt.getJwkSetUri()) ? () -> Mono.just(jwt.getJwkSetUri())
				: new IssuerJwkSetUri(issuer, webClient);
		JwkSetSource keys = new JwkSetSource(jwkSetUri, webClient, security.getBearer().getJwksRefreshCooldown(),
				security.getBearer().getJwksMaxAge(), clock);
		NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
			.withJwkSource(keys);
		for (String algorithm : jwt.getJwsAlgorithms()) {
			SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.from(algorithm);
			if (signatureAlgorithm == null) {
				throw new InvalidConfigurationPropertyValueException(PROPERTIES + ".jws-algorithms", algorithm,
						"Unknown algorithm");
			}
			builder.jwsAlgorithm(signatureAlgorithm);
		}
		NimbusReactiveJwtDecoder decoder = builder.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (StringUtils.hasText(issuer)) {
			validators.add(new JwtIssuerValidator(issuer));
		}
		if (!jwt.getAudiences().isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(audiences) -> audiences != null && !Collections.disjoint(audiences, jwt.getAudiences())));
		}
		else {
			logger.warn(PROPERTIES + ".audiences is not set: bearer tokens are accepted whatever their audience, "
					+ "including tokens the provider issued for other services. Set it to the audience the provider "
					+ "puts in tokens meant for this gateway.");
		}
		additionalValidators.orderedStream().forEach(validators::add);
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		validators.add(timestamps);
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
		decoder.setJwtValidator(validator);
		EdgeSecurityProperties.Bearer bearer = security.getBearer();
		if (bearer.getVerifiedCacheSize() == 0) {
			return decoder;
		}
		return new VerifiedJwtCache(decoder, validator, bearer.getVerifiedCacheSize(), bearer.getJwksMaxAge(), clock);
	}

}

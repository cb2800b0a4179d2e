package io.edgegateway.app.validation;

import java.util.List;

import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.assertion.IdentityAssertionGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialsProperties;
import io.edgegateway.filters.credential.delegation.ServiceAccountKeys;
import io.edgegateway.filters.credential.provider.ClientKeys;
import io.edgegateway.filters.credential.provider.ClientRegistrations;
import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import io.edgegateway.filters.credential.provider.KeyFile;
import io.edgegateway.routes.RouteDefinitionValidator;
import io.edgegateway.routes.StartupRouteValidation;
import io.edgegateway.routes.file.RouteFileChecker;
import io.edgegateway.routes.file.RoutesProperties;
import io.edgegateway.routes.precedence.RouteSpaces;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.GatewayFilterFactory;
import org.springframework.cloud.gateway.handler.predicate.RoutePredicateFactory;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * What the offline validator builds of the gateway: Spring Cloud Gateway's predicate and
 * filter factories and the gateway's own, with the configuration's client registrations,
 * keys, route settings and team grants, and the checker of route files the live reload
 * uses. Nothing that serves, stores or calls out: a client registration is taken as
 * configured, by name and grant type, which is what a route is checked against (no
 * provider metadata, no client secret); key files and assertion keys are configured but
 * not read; and nothing here can obtain a token.
 * <p>
 * Deliberately not a {@code @Configuration}: the gateway's component scan covers this
 * package, and must never find it. {@link OfflineGateway} starts it as the one source of
 * its application context.
 */
@ImportOfflineGatewayAutoConfiguration
// What a web server would bind: the Path predicate reads the base path, the routing
// filter's client (built, never used) the server's settings.
@EnableConfigurationProperties({ RoutesProperties.class, WebFluxProperties.class, ServerProperties.class })
class OfflineGatewayConfiguration {

	private static final String CLIENTS = "spring.security.oauth2.client";

	/**
	 * The registrations as configured. Bound here rather than as Spring Boot's
	 * {@link OAuth2ClientProperties} bean, whose validation asks for a client id that a
	 * route check does not need.
	 */
	@Bean
	ClientRegistrations clientRegistrations(Environment environment, ReactiveClientRegistrationRepository repository) {
		OAuth2ClientProperties clients = Binder.get(environment).bindOrCreate(CLIENTS, OAuth2ClientProperties.class);
		return new ClientRegistrations(ConfiguredRegistration.from(clients), repository);
	}

	/**
	 * No provider is asked for its metadata: building a route never resolves a
	 * registration, only obtaining a token does.
	 */
	@Bean
	ReactiveClientRegistrationRepository offlineClientRegistrationRepository() {
		return (registrationId) -> Mono.error(() -> new IllegalStateException(
				"The offline route validator resolves no client registration (" + registrationId + ")"));
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager offlineAuthorizedClientManager() {
		return (request) -> Mono.error(() -> new IllegalStateException(
				"The offline route validator obtains no token (" + request.getClientRegistrationId() + ")"));
	}

	@Bean
	ClientKeys clientKeys(CredentialsProperties properties) {
		return new ClientKeys(properties.getClientKeys(), KeyFile.Reading.WHEN_USED);
	}

	@Bean
	ServiceAccountKeys serviceAccountKeys(CredentialsProperties properties) {
		return new ServiceAccountKeys(properties.getServiceAccounts(), KeyFile.Reading.WHEN_USED);
	}

	/**
	 * Routes that carry an identity assertion are checked against the configured keys'
	 * presence; the keys themselves are secrets, never read here, and nothing is signed.
	 */
	@Bean
	IdentityAssertionGatewayFilterFactory identityAssertionGatewayFilterFactory(AssertionProperties properties) {
		return new IdentityAssertionGatewayFilterFactory(properties, null);
	}

	/**
	 * The codecs the body-rewriting filters are built with, which a web server would
	 * otherwise provide.
	 */
	@Bean
	ServerCodecConfigurer serverCodecConfigurer() {
		return ServerCodecConfigurer.create();
	}

	/**
	 * A Redis that is never reached: the rate limiter's templates are built on it, so
	 * that {@code RequestRateLimiter} is a filter here as it is in the gateway.
	 */
	@Bean
	ReactiveRedisConnectionFactory offlineRedisConnectionFactory() {
		return new ReactiveRedisConnectionFactory() {

			@Override
			public ReactiveRedisConnection getReactiveConnection() {
				throw new IllegalStateException("The offline route validator connects to no Redis");
			}

			@Override
			public ReactiveRedisClusterConnection getReactiveClusterConnection() {
				throw new IllegalStateException("The offline route validator connects to no Redis");
			}

			@Override
			public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
				return null;
			}

		};
	}

	/**
	 * No certificates: the routing filter's client is built, never used, and key stores
	 * are secrets.
	 */
	@Bean
	SslBundles sslBundles() {
		return new DefaultSslBundleRegistry();
	}

	@Bean
	RouteDefinitionValidator routeDefinitionValidator(List<GatewayFilterFactory<?>> filters,
			List<RoutePredicateFactory<?>> predicates, ConfigurationService configurationService) {
		return new RouteDefinitionValidator(filters, predicates, configurationService);
	}

	/**
	 * The application's own routes are checked as the gateway checks them when it starts:
	 * a configuration whose routes would stop the gateway cannot check files.
	 */
	@Bean
	StartupRouteValidation startupRouteValidation(RouteDefinitionLocator routes, GatewayProperties gateway,
			RouteDefinitionValidator validator) {
		return new StartupRouteValidation(routes, gateway, validator);
	}

	@Bean
	RouteFileChecker routeFileChecker(RouteDefinitionValidator validator, List<RoutePredicateFactory<?>> predicates,
			ConfigurationService configurationService, RoutesProperties properties) {
		return RouteFileChecker.of(validator, new RouteSpaces(predicates, configurationService), properties);
	}

}

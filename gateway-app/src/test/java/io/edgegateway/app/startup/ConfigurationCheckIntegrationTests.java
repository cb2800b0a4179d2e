package io.edgegateway.app.startup;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.filters.support.RedisSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A gateway configured as an operator might get it wrong the first time refuses to start
 * with one report that names every property to fix, not one restart per property.
 */
class ConfigurationCheckIntegrationTests {

	@Test
	void severalMistakesThenOneReportNamingEachProperty() {
		RedisSupport redis = RedisSupport.redis();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.host", redis.host());
		properties.put("spring.data.redis.port", redis.port());
		// no edge.session.encryption.*, no public base URL or allowed hosts
		properties.put("edge.security.login-registration", "corporate");
		properties.put("edge.security.bearer.jwks-refresh-cooldown", "0s");
		properties.put("edge.session.timeout", "eight hours");
		properties.put("edge.token-cache.encryption.active-key", "2026-12");
		properties.put("edge.security.trusted-proxies", "10.0.0.0/33");
		properties.put("edge.identity.headers.email", "X-User Email");
		properties.put("edge.identity.claims.groups", "realm_access..roles");
		properties.put("edge.assertion.header", "X Edge Assertion");
		properties.put("edge.assertion.lifetime", "10m");
		properties.put("edge.assertion.keys.k1.private-key", "not a key");
		properties.put("edge.security.authorization-parameters.idp.[redirect_uri]", "https://evil.example.com/");
		properties.put("spring.security.oauth2.client.registration.idp.client-id", "edge-gateway");
		properties.put("spring.security.oauth2.client.registration.idp.authorization-grant-type", "authorization_code");
		properties.put("spring.security.oauth2.client.registration.idp.redirect-uri",
				"{baseUrl}/login/oauth2/code/{registrationId}");
		properties.put("spring.security.oauth2.client.provider.idp.authorization-uri", "http://127.0.0.1:1/authorize");
		properties.put("spring.security.oauth2.client.provider.idp.token-uri", "http://127.0.0.1:1/token");
		properties.put("spring.security.oauth2.client.provider.idp.jwk-set-uri", "http://127.0.0.1:1/jwks");

		Throwable failure = catchThrowable(() -> GatewayInstance.startConfiguredBy(properties).close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(ConfigurationProblemsException.class);
		ConfigurationProblemsException problems = (ConfigurationProblemsException) NestedExceptionUtils
			.getMostSpecificCause(failure);
		assertThat(problems.getProblems()).anyMatch((p) -> p.startsWith("edge.security.public-base-url: is required"))
			.anyMatch((p) -> p.startsWith("edge.security.bearer.jwks-refresh-cooldown: must be positive"))
			.anyMatch((p) -> p.startsWith("edge.security.login-registration: 'corporate': no "
					+ "spring.security.oauth2.client.registration.corporate is configured; configured: [idp]"))
			.anyMatch((p) -> p.startsWith("edge.session.timeout: "))
			.anyMatch((p) -> p.startsWith("edge.session.encryption.active-key: required"))
			.anyMatch((p) -> p.startsWith("edge.token-cache.encryption.active-key: '2026-12' is not one of"))
			.anyMatch(
					(p) -> p.startsWith("edge.security.trusted-proxies[0]: '10.0.0.0/33' has an invalid prefix length"))
			.anyMatch((p) -> p.startsWith("edge.identity.headers.email: "))
			.anyMatch((p) -> p
				.startsWith("edge.security.authorization-parameters[idp][redirect_uri]: is the protocol's own"))
			.anyMatch((p) -> p.startsWith("edge.identity.claims.groups: 'realm_access..roles' is not a claim path"))
			.anyMatch((p) -> p.equals("edge.assertion.header: 'X Edge Assertion' is not a valid header name"))
			.anyMatch((p) -> p.startsWith("edge.assertion.issuer: required to sign identity assertions"))
			.anyMatch((p) -> p.equals("edge.assertion.lifetime: PT10M is not between 1s and PT5M"))
			.anyMatch((p) -> p.startsWith("edge.assertion.keys.k1.private-key: key 'k1' is unusable: "));
		FailureAnalysis analysis = new ConfigurationProblemsFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).startsWith("The configuration has " + problems.getProblems().size())
			.contains(" - edge.session.encryption.active-key");
		assertThat(analysis.getAction()).contains("docs/configuration.md");
	}

}

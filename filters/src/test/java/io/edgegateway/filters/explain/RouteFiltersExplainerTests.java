package io.edgegateway.filters.explain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.edgegateway.filters.access.AccessCondition;
import io.edgegateway.filters.access.AccessRuleException;
import io.edgegateway.filters.access.RequireClaimsGatewayFilterFactory;
import io.edgegateway.filters.access.StepUpGatewayFilterFactory;
import io.edgegateway.filters.access.StepUpRequiredException;
import io.edgegateway.filters.assertion.AssertionProperties;
import io.edgegateway.filters.assertion.IdentityAssertionGatewayFilterFactory;
import io.edgegateway.filters.credential.CredentialMode;
import io.edgegateway.filters.credential.CredentialSpec;
import io.edgegateway.filters.credential.serviceaccount.ServiceAccountGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityHeaderInjector;
import io.edgegateway.filters.identity.IdentityHeadersGatewayFilterFactory;
import io.edgegateway.filters.identity.IdentityProperties;
import io.edgegateway.filters.support.TestCredentials;
import io.edgegateway.filters.support.TestExchanges;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.factory.AddRequestHeaderGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a route's filters would do for a user, told by the gateway's own factories from
 * the filters' declared arguments: the access rules' verdicts in the order they run, the
 * credential's spec with nothing minted, the identity headers.
 */
class RouteFiltersExplainerTests {

	private final AtomicInteger minted = new AtomicInteger();

	private final RouteFiltersExplainer explainer = new RouteFiltersExplainer(
			List.of(new RequireClaimsGatewayFilterFactory(),
					new StepUpGatewayFilterFactory(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC)),
					new IdentityHeadersGatewayFilterFactory(IdentityHeaderInjector.from(new IdentityProperties())),
					new ServiceAccountGatewayFilterFactory(TestCredentials.serviceAccount((user) -> {
						this.minted.incrementAndGet();
						return Mono.empty();
					}, null)), new IdentityAssertionGatewayFilterFactory(withAKey(), null),
					new AddRequestHeaderGatewayFilterFactory()),
			configuration());

	@Test
	void explainWhenTheUserLacksAGroupThenTheRuleFailsNamingWhatTheUserHasAndTheCredentialIsToldNotMinted() {
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(new FilterDefinition("IdentityHeaders"), filter("StepUp", Map.of("acr", "mfa")),
						filter("RequireClaims", Map.of("groups", "finance,audit", "scopes", "reports.read")),
						new FilterDefinition("ServiceAccount=reports-sa, reports.read"),
						new FilterDefinition("AddRequestHeader=X-Team, reports")),
				new HttpHeaders(), TestExchanges.ALICE);
		assertThat(explained.access()).extracting((verdict) -> verdict.filter())
			.containsExactly("RequireClaims", "StepUp");
		assertThat(explained.access().get(0).conditions()).containsExactly(
				new AccessCondition("groups: one of [audit, finance]", false, "user has [engineering]"),
				new AccessCondition("scopes: all of [reports.read]", true, "user has [reports.read]"));
		assertThat(explained.access().get(0).refusal()).isInstanceOfSatisfying(AccessRuleException.class,
				(refusal) -> assertThat(refusal)
					.hasMessage("Route 'reports' requires groups: one of [audit, finance]"));
		assertThat(explained.access().get(1).refusal()).isInstanceOf(StepUpRequiredException.class)
			.hasMessage("Route 'reports' requires acr: one of [mfa]");
		assertThat(explained.credentials())
			.containsExactly(CredentialSpec.builder("reports", CredentialMode.SERVICE_ACCOUNT, "reports-sa")
				.scopes(List.of("reports.read"))
				.build());
		assertThat(this.minted).hasValue(0);
	}

	@Test
	void explainWhenTheUserMeetsTheRuleThenAllowed() {
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(filter("RequireClaims", Map.of("groups", "engineering", "tenants", "t1"))), new HttpHeaders(),
				TestExchanges.ALICE);
		assertThat(explained.access()).singleElement().satisfies((verdict) -> {
			assertThat(verdict.allowed()).isTrue();
			assertThat(verdict.conditions()).allMatch(AccessCondition::met);
		});
		assertThat(explained.identityHeaders()).isNull();
	}

	@Test
	void explainWithoutAUserThenEveryRuleRefusesForLackOfOne() {
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(filter("RequireClaims", Map.of("groups", "finance")), filter("StepUp", Map.of("acr", "mfa"))),
				new HttpHeaders(), null);
		assertThat(explained.access()).allSatisfy((verdict) -> {
			assertThat(verdict.conditions()).isEmpty();
			assertThat(verdict.refusal()).isInstanceOfSatisfying(AccessRuleException.class,
					(refusal) -> assertThat(refusal.getRule()).isNull());
		});
	}

	@Test
	void explainThenTheIdentityHeadersTheGatewaySetsAndTheInboundOnesItRemovesOrReplaces() {
		HttpHeaders inbound = new HttpHeaders();
		inbound.add("X-User-Id", "mallory");
		inbound.add("X-User-Roles", "admin");
		inbound.add("Accept", "application/json");
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(new FilterDefinition("IdentityHeaders")), inbound, TestExchanges.ALICE);
		assertThat(explained.identityHeaders().set()).containsEntry("X-User-Id", "alice")
			.containsEntry("X-User-Groups", "engineering")
			.containsEntry("X-Request-Id", RouteFiltersExplainer.REQUEST_ID)
			.doesNotContainKey("Accept");
		assertThat(explained.identityHeaders().removed()).containsExactly("X-User-Id", "X-User-Roles");
	}

	@Test
	void explainThenTheAssertionsAudienceHeaderAndTheClaimsItWouldCarryForTheUserWithNothingSigned() {
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(filter("IdentityAssertion", Map.of("audience", "reports-api", "claims", "groups,tenant"))),
				new HttpHeaders(), TestExchanges.ALICE);
		assertThat(explained.assertion()).isEqualTo(new FiltersExplanation.Assertion("X-Edge-Assertion", "reports-api",
				false, Map.of("sub", "alice", "groups", List.of("engineering"), "tenant", "t1")));
		assertThat(explained.assertion().claims()).containsOnlyKeys("sub", "groups", "tenant");
	}

	@Test
	void explainWithoutAUserThenTheAssertionCarriesNothing() {
		FiltersExplanation explained = this.explainer.explain("reports",
				List.of(filter("IdentityAssertion", Map.of("per-request", "true"))), new HttpHeaders(), null);
		assertThat(explained.assertion())
			.isEqualTo(new FiltersExplanation.Assertion("X-Edge-Assertion", "reports", true, Map.of()));
	}

	private static FilterDefinition filter(String name, Map<String, String> args) {
		FilterDefinition filter = new FilterDefinition();
		filter.setName(name);
		filter.setArgs(args);
		return filter;
	}

	/**
	 * Keys configured, as a route with an assertion needs; the explainer never reads
	 * them.
	 */
	private static AssertionProperties withAKey() {
		AssertionProperties properties = new AssertionProperties();
		properties.getKeys().put("k1", new AssertionProperties.Key());
		return properties;
	}

	private static ConfigurationService configuration() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.afterPropertiesSet();
		return new ConfigurationService(new DefaultListableBeanFactory(),
				ApplicationConversionService::getSharedInstance, () -> validator);
	}

}

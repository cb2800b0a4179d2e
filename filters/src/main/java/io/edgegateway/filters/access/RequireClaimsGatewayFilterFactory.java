package io.edgegateway.filters.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.core.style.ToStringCreator;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * {@code RequireClaims}: the gateway decides who may call a route, before any credential
 * is minted (the filter runs first whatever its place in the route). Every condition
 * given must hold: {@code groups} (one of), {@code all-groups} (all of), {@code scopes}
 * (all of), {@code tenants} (one of), {@code email-domains} (one of), {@code issuers}
 * (one of: the identity providers whose users the route admits). A request that fails
 * gets {@code 403} naming the route and the condition, and never reaches the upstream.
 * <p>
 * Its length is the nested {@code Config} JavaBean that route files bind, kept nested as
 * Spring Cloud Gateway's factories keep theirs.
 *
 * <pre>
 * filters:
 *   - name: RequireClaims
 *     args:
 *       groups: [ finance, audit ]
 *       tenants: [ t1 ]
 * </pre>
 */
public class RequireClaimsGatewayFilterFactory
		extends AbstractGatewayFilterFactory<RequireClaimsGatewayFilterFactory.Config>
		implements AccessRule<RequireClaimsGatewayFilterFactory.Config> {

	/**
	 * Access rules run before every other route filter.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private static final String SCOPE_AUTHORITY = "SCOPE_";

	public RequireClaimsGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public GatewayFilter apply(Config config) {
		String routeId = config.routeId();
		List<ClaimRule> rules = config.toRules();
		return new OrderedGatewayFilter(new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return SignedInUser.of(exchange)
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((user) -> refusal(routeId, rules, user.orElse(null)).map(Mono::<Void>error)
						.orElseGet(() -> chain.filter(exchange)));
			}

			@Override
			public String toString() {
				return filterToStringCreator(RequireClaimsGatewayFilterFactory.this)
					.append("rules", rules.stream().map(ClaimRule::describe).toList())
					.toString();
			}

		}, ORDER);
	}

	@Override
	public AccessVerdict verdict(Config config, @Nullable SignedInUser user) {
		List<ClaimRule> rules = config.toRules();
		List<AccessCondition> conditions = new ArrayList<>();
		if (user != null) {
			Set<String> scopes = scopes(user);
			rules.forEach((rule) -> conditions.add(rule.check(user.claims(), scopes)));
		}
		return new AccessVerdict(name(), ORDER, conditions, refusal(config.routeId(), rules, user).orElse(null));
	}

	/**
	 * What the filter ends a request with: nothing when the user meets every condition,
	 * else a refusal naming the first that fails, or the lack of a signed-in user.
	 */
	private static Optional<AccessRuleException> refusal(String routeId, List<ClaimRule> rules,
			@Nullable SignedInUser user) {
		if (user == null) {
			return Optional.of(new AccessRuleException(routeId, null));
		}
		Set<String> scopes = scopes(user);
		return rules.stream()
			.filter((rule) -> !rule.test(user.claims(), scopes))
			.findFirst()
			.map((rule) -> new AccessRuleException(routeId, rule.describe()));
	}

	private static Set<String> scopes(SignedInUser user) {
		return user.authentication()
			.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(SCOPE_AUTHORITY))
			.map((authority) -> authority.substring(SCOPE_AUTHORITY.length()))
			.collect(Collectors.toSet());
	}

	/**
	 * The route's conditions.
	 */
	public static class Config extends RouteRuleConfig {

		private List<String> groups = new ArrayList<>();

		private List<String> allGroups = new ArrayList<>();

		private List<String> scopes = new ArrayList<>();

		private List<String> tenants = new ArrayList<>();

		private List<String> issuers = new ArrayList<>();

		private List<String> emailDomains = new ArrayList<>();

		public List<String> getGroups() {
			return this.groups;
		}

		public Config setGroups(List<String> groups) {
			this.groups = groups;
			return this;
		}

		public List<String> getAllGroups() {
			return this.allGroups;
		}

		public Config setAllGroups(List<String> allGroups) {
			this.allGroups = allGroups;
			return this;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public Config setScopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		public List<String> getTenants() {
			return this.tenants;
		}

		public Config setTenants(List<String> tenants) {
			this.tenants = tenants;
			return this;
		}

		public List<String> getIssuers() {
			return this.issuers;
		}

		public Config setIssuers(List<String> issuers) {
			this.issuers = issuers;
			return this;
		}

		public List<String> getEmailDomains() {
			return this.emailDomains;
		}

		public Config setEmailDomains(List<String> emailDomains) {
			this.emailDomains = emailDomains;
			return this;
		}

		/**
		 * The conditions, checked once per route.
		 * @return the rules
		 * @throws IllegalArgumentException naming the route if no condition is given
		 */
		List<ClaimRule> toRules() {
			List<ClaimRule> rules = new ArrayList<>();
			add(rules, ClaimRule.Kind.GROUPS, ClaimRule.Match.ANY_OF, this.groups);
			add(rules, ClaimRule.Kind.GROUPS, ClaimRule.Match.ALL_OF, this.allGroups);
			add(rules, ClaimRule.Kind.SCOPES, ClaimRule.Match.ALL_OF, this.scopes);
			add(rules, ClaimRule.Kind.TENANT, ClaimRule.Match.ANY_OF, this.tenants);
			add(rules, ClaimRule.Kind.ISSUER, ClaimRule.Match.ANY_OF, this.issuers);
			add(rules, ClaimRule.Kind.EMAIL_DOMAIN, ClaimRule.Match.ANY_OF,
					this.emailDomains.stream().map((domain) -> domain.toLowerCase(Locale.ROOT)).toList());
			if (rules.isEmpty()) {
				throw new IllegalArgumentException("route '" + routeId()
						+ "': RequireClaims needs at least one of groups, all-groups, scopes, tenants, email-domains, issuers");
			}
			return List.copyOf(rules);
		}

		private static void add(List<ClaimRule> rules, ClaimRule.Kind kind, ClaimRule.Match match,
				List<String> values) {
			List<String> present = present(values);
			if (!present.isEmpty()) {
				rules.add(new ClaimRule(kind, match, Set.copyOf(present)));
			}
		}

		@Override
		public String toString() {
			return new ToStringCreator(this).append("routeId", getRouteId())
				.append("groups", this.groups)
				.append("allGroups", this.allGroups)
				.append("scopes", this.scopes)
				.append("tenants", this.tenants)
				.append("issuers", this.issuers)
				.append("emailDomains", this.emailDomains)
				.toString();
		}

	}

}

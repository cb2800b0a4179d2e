package io.edgegateway.filters.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.edgegateway.filters.user.SignedInUser;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * {@code StepUp}: a route asks how recently and how strongly its user signed in
 * ({@link StepUpRequirement}), after {@code RequireClaims} and before any credential is
 * minted. A browser user who does not meet it is sent to sign in again, with
 * {@code acr_values} and {@code max_age}, and comes back to the route; a bearer client
 * gets {@code 401} saying what its token lacks. The session remembers when the gateway
 * sent its user to sign in for the route: a user back from that sign-in whose new ID
 * token still does not meet the route gets {@code 403}, not another round trip.
 * <p>
 * Its length is the nested {@code Config} JavaBean that route files bind.
 *
 * <pre>
 * filters:
 *   - name: StepUp
 *     args:
 *       acr: [ mfa ]
 *       max-age: 15m
 *       amr: [ otp ]
 * </pre>
 */
public class StepUpGatewayFilterFactory extends AbstractGatewayFilterFactory<StepUpGatewayFilterFactory.Config>
		implements AccessRule<StepUpGatewayFilterFactory.Config> {

	/**
	 * Right after the route's access rule, before every other route filter.
	 */
	public static final int ORDER = RequireClaimsGatewayFilterFactory.ORDER + 1;

	/**
	 * The session attribute, per route, holding when the gateway last sent the user to
	 * sign in for it (epoch milliseconds).
	 */
	static final String ATTEMPT_ATTRIBUTE_PREFIX = "edge.step-up.";

	/**
	 * How far the provider's clock may be behind the gateway's when telling a sign-in
	 * made for the route from an older one.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	private final Clock clock;

	public StepUpGatewayFilterFactory(Clock clock) {
		super(Config.class);
		this.clock = clock;
	}

	@Override
	public GatewayFilter apply(Config config) {
		String routeId = config.routeId();
		StepUpRequirement requirement = config.toRequirement();
		return new OrderedGatewayFilter(new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return SignedInUser.of(exchange)
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((user) -> user.isPresent() ? check(exchange, chain, user.get(), routeId, requirement)
							: Mono.error(new AccessRuleException(routeId, null)));
			}

			@Override
			public String toString() {
				return filterToStringCreator(StepUpGatewayFilterFactory.this).append("requirement", requirement)
					.toString();
			}

		}, ORDER);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A browser user who already signed in again for the route in vain gets {@code 403}
	 * rather than another sign-in; that depends on the session, which a verdict without a
	 * request does not have.
	 */
	@Override
	public AccessVerdict verdict(Config config, @Nullable SignedInUser user) {
		String routeId = config.routeId();
		StepUpRequirement requirement = config.toRequirement();
		if (user == null) {
			return new AccessVerdict(name(), ORDER, List.of(), new AccessRuleException(routeId, null));
		}
		Map<String, Object> claims = signInClaims(user.authentication());
		Instant now = this.clock.instant();
		List<String> unmet = requirement.unmet(claims, now);
		return new AccessVerdict(name(), ORDER, requirement.conditions(claims, now),
				unmet.isEmpty() ? null : new StepUpRequiredException(routeId, requirement, unmet, false, user.kind()));
	}

	private Mono<Void> check(ServerWebExchange exchange, GatewayFilterChain chain, SignedInUser user, String routeId,
			StepUpRequirement requirement) {
		Map<String, Object> claims = signInClaims(user.authentication());
		Instant now = this.clock.instant();
		List<String> unmet = requirement.unmet(claims, now);
		if (user.kind() == SignedInUser.Kind.BEARER) {
			return unmet.isEmpty() ? chain.filter(exchange)
					: Mono.error(new StepUpRequiredException(routeId, requirement, unmet, false, user.kind()));
		}
		String attribute = ATTEMPT_ATTRIBUTE_PREFIX + routeId;
		return exchange.getSession().flatMap((session) -> {
			Long attempt = session.getAttribute(attribute);
			if (unmet.isEmpty()) {
				if (attempt != null) {
					session.getAttributes().remove(attribute);
				}
				return chain.filter(exchange);
			}
			boolean futile = attempt != null && signedInSince(claims, Instant.ofEpochMilli(attempt));
			remember(session, attribute, futile ? null : now);
			return Mono.error(new StepUpRequiredException(routeId, requirement, unmet, futile, user.kind()));
		});
	}

	/**
	 * Whether the user's sign-in was made after the gateway asked for one: its ID token
	 * was issued then.
	 */
	private static boolean signedInSince(Map<String, Object> claims, Instant attempt) {
		Instant issuedAt = StepUpRequirement.instant(claims.get("iat"));
		return issuedAt != null && !issuedAt.isBefore(attempt.minus(CLOCK_SKEW));
	}

	/**
	 * Remember a new attempt, or forget a futile one: the next request asks again.
	 */
	private static void remember(WebSession session, String attribute, @Nullable Instant attempt) {
		if (attempt != null) {
			session.getAttributes().put(attribute, attempt.toEpochMilli());
		}
		else {
			session.getAttributes().remove(attribute);
		}
	}

	/**
	 * The claims of the user's sign-in: a browser's ID token (its {@code acr},
	 * {@code amr}, {@code auth_time}), or the bearer token.
	 */
	private static Map<String, Object> signInClaims(Authentication authentication) {
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return user.getIdToken().getClaims();
		}
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
			return token.getTokenAttributes();
		}
		return Map.of();
	}

	/**
	 * What the route asks of its user's sign-in.
	 */
	public static class Config extends RouteRuleConfig {

		private List<String> acr = new ArrayList<>();

		private @Nullable Duration maxAge;

		private List<String> amr = new ArrayList<>();

		public List<String> getAcr() {
			return this.acr;
		}

		public Config setAcr(List<String> acr) {
			this.acr = acr;
			return this;
		}

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public Config setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
			return this;
		}

		public List<String> getAmr() {
			return this.amr;
		}

		public Config setAmr(List<String> amr) {
			this.amr = amr;
			return this;
		}

		/**
		 * The requirement, checked once per route.
		 * @return the requirement
		 * @throws IllegalArgumentException naming the route and the argument that is
		 * wrong
		 */
		StepUpRequirement toRequirement() {
			List<String> acr = present(this.acr);
			List<String> amr = present(this.amr);
			if (acr.isEmpty() && amr.isEmpty() && this.maxAge == null) {
				throw new IllegalArgumentException(
						"route '" + routeId() + "': StepUp needs at least one of acr, max-age, amr");
			}
			if (this.maxAge != null && (this.maxAge.isNegative() || this.maxAge.toSeconds() < 1)) {
				throw new IllegalArgumentException(
						"route '" + routeId() + "': StepUp max-age must be at least 1s, was " + this.maxAge);
			}
			if (acr.stream().anyMatch((value) -> value.contains(" "))) {
				throw new IllegalArgumentException(
						"route '" + routeId() + "': StepUp acr values are single tokens without spaces: " + acr);
			}
			return new StepUpRequirement(acr, this.maxAge, amr);
		}

	}

}

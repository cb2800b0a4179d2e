package io.edgegateway.app.explain;

import java.util.List;

import io.edgegateway.filters.access.AccessCondition;
import io.edgegateway.filters.explain.FiltersExplanation;
import io.edgegateway.routes.explain.RouteMatch;
import org.jspecify.annotations.Nullable;

/**
 * The explanation of a routing decision, as the {@code routeexplain} endpoint answers it:
 * what the gateway would answer and why, the user it would see, the route that answers
 * (the routes tried before it that did not match, the routes after it that it beat and by
 * which rule, or the routes that came closest when none matches), the filters that run,
 * the access rules' verdicts, the credential the upstream would get (never a token) and
 * the identity headers it would see.
 * <p>
 * Its length is the nested records of the answer's JSON, kept together as the one
 * contract operators read.
 *
 * @param request the request explained
 * @param decision what the gateway would answer
 * @param user the signed-in user the claims make, or {@code null} for none
 * @param route the route that answers, or {@code null} when none matches
 * @param beat the routes after it that also match, each with the rule it lost by
 * @param didNotMatch the routes tried before it, each with its predicates that fail
 * @param closest when no route matches, the routes that came closest, closest first
 * @param filters the route's filters (the default filters among them) in the order they
 * run, as the gateway describes them
 * @param access each access rule's verdict, in the order the rules run
 * @param credentials the credential each credential filter would obtain
 * @param identityHeaders the identity headers the upstream would see, or {@code null}
 * when the route has no {@code IdentityHeaders} filter
 * @param assertion the signed identity assertion the upstream would get (its claims,
 * never a token), or {@code null} when the route has no {@code IdentityAssertion} filter
 */
public record RouteExplanation(Request request, Decision decision, @Nullable User user, @Nullable MatchedRoute route,
		List<Beat> beat, List<RouteMatch.Miss> didNotMatch, List<RouteMatch.Miss> closest, List<Filter> filters,
		List<Access> access, List<Credential> credentials, FiltersExplanation.@Nullable IdentityHeaders identityHeaders,
		FiltersExplanation.@Nullable Assertion assertion) {

	/**
	 * The request explained.
	 *
	 * @param method the method
	 * @param host the {@code Host}, or {@code null}
	 * @param path the path
	 */
	public record Request(String method, @Nullable String host, String path) {
	}

	/**
	 * What the gateway would answer.
	 *
	 * @param outcome {@code proxied}, {@code not-found}, {@code sign-in}, {@code denied}
	 * or {@code step-up}
	 * @param status the status the gateway itself answers with, or {@code null} when the
	 * request is proxied (the upstream answers)
	 * @param reason why, in the words the gateway's answer uses
	 */
	public record Decision(String outcome, @Nullable Integer status, String reason) {
	}

	/**
	 * The signed-in user as the gateway sees it.
	 *
	 * @param subject the user's id
	 * @param email the email address, if any
	 * @param groups the groups
	 * @param tenant the tenant, if any
	 * @param issuer the issuer, if any
	 * @param authorities the authorities (e.g. {@code SCOPE_orders.read})
	 */
	public record User(String subject, @Nullable String email, List<String> groups, @Nullable String tenant,
			@Nullable String issuer, List<String> authorities) {
	}

	/**
	 * The route that answers.
	 *
	 * @param id its id
	 * @param source where it is declared: a route file, or the gateway's own
	 * configuration
	 * @param uri its upstream
	 * @param predicates its predicates, as declared
	 */
	public record MatchedRoute(String id, String source, String uri, List<String> predicates) {
	}

	/**
	 * A route that also matches, beaten by the one that answers.
	 *
	 * @param routeId the route
	 * @param source where it is declared
	 * @param rule the precedence rule that put the answering route first
	 */
	public record Beat(String routeId, String source, String rule) {
	}

	/**
	 * A filter of the route.
	 *
	 * @param order its order: the lower runs first
	 * @param filter the filter with its arguments
	 */
	public record Filter(int order, String filter) {
	}

	/**
	 * An access rule's verdict.
	 *
	 * @param filter the rule's filter
	 * @param allowed whether the user passes it
	 * @param conditions each condition, met or not, with what the user has
	 * @param refusal what the gateway answers when the user does not pass, or
	 * {@code null}
	 */
	public record Access(String filter, boolean allowed, List<AccessCondition> conditions, @Nullable String refusal) {
	}

	/**
	 * The credential the upstream would get; never a token, and nothing is minted to tell
	 * it.
	 *
	 * @param mode the credential mode
	 * @param upstreamReceives what the upstream receives as {@code Authorization: Bearer}
	 * @param registration the client registration (or service account), or {@code null}
	 * for the one the user signed in with
	 * @param audience the audience asked for, if any
	 * @param resource the resource asked for, if any
	 * @param scopes the scopes asked for; empty for the registration's own
	 */
	public record Credential(String mode, String upstreamReceives, @Nullable String registration,
			@Nullable String audience, @Nullable String resource, List<String> scopes) {
	}

}

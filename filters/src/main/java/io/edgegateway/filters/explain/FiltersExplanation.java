package io.edgegateway.filters.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.edgegateway.filters.access.AccessVerdict;
import io.edgegateway.filters.credential.CredentialSpec;
import org.jspecify.annotations.Nullable;

/**
 * What a route's filters would do for a user.
 *
 * @param access each access rule's verdict, in the order the rules run
 * @param credentials the credential each credential filter would obtain, as its spec
 * (mode, registration, audience, scopes; never a token)
 * @param identityHeaders the identity headers, or {@code null} when the route has no
 * {@code IdentityHeaders} filter
 * @param assertion the signed identity assertion, or {@code null} when the route has no
 * {@code IdentityAssertion} filter
 */
public record FiltersExplanation(List<AccessVerdict> access, List<CredentialSpec> credentials,
		@Nullable IdentityHeaders identityHeaders, @Nullable Assertion assertion) {

	/**
	 * Nothing: no route, so no filter.
	 * @return the empty explanation
	 */
	public static FiltersExplanation none() {
		return new FiltersExplanation(List.of(), List.of(), null, null);
	}

	public FiltersExplanation {
		access = List.copyOf(access);
		credentials = List.copyOf(credentials);
	}

	/**
	 * The identity headers the upstream would receive.
	 *
	 * @param set the headers the gateway sets, with their values, by name
	 * @param removed the inbound headers the gateway removes or replaces
	 */
	public record IdentityHeaders(Map<String, String> set, List<String> removed) {

		public IdentityHeaders {
			set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
			removed = List.copyOf(removed);
		}

	}

	/**
	 * The signed identity assertion the upstream would receive (never signed for an
	 * explanation).
	 *
	 * @param header the header that carries it
	 * @param audience its {@code aud}
	 * @param perRequest whether each request gets a fresh one with its request id
	 * @param claims the identity claims it would carry for the user ({@code sub} first),
	 * before {@code edge.assertion.max-size} applies; empty without a user, who gets no
	 * assertion
	 */
	public record Assertion(String header, String audience, boolean perRequest, Map<String, Object> claims) {

		public Assertion {
			claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
		}

	}

}

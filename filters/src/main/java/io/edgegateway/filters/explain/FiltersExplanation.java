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
 */
public record FiltersExplanation(List<AccessVerdict> access, List<CredentialSpec> credentials,
		@Nullable IdentityHeaders identityHeaders) {

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

}

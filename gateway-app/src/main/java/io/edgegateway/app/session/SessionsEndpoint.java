package io.edgegateway.app.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/sessions} on the management port: a user's sessions (created, last
 * seen, client address, user agent, and the handle that names each; never a token nor the
 * session id), and their revocation, one by handle or all of them. The user is named by
 * {@code issuer} and {@code subject}; the issuer may be left out when users sign in with
 * one provider only.
 */
@Endpoint(id = "sessions")
public class SessionsEndpoint {

	private final UserSessions sessions;

	private final SessionRevocation revocation;

	private final Set<String> issuers;

	/**
	 * Create the endpoint.
	 * @param sessions the sessions and their index
	 * @param revocation ends sessions
	 * @param issuers the issuers users sign in with
	 */
	public SessionsEndpoint(UserSessions sessions, SessionRevocation revocation, Set<String> issuers) {
		this.sessions = sessions;
		this.revocation = revocation;
		this.issuers = Set.copyOf(issuers);
	}

	/**
	 * A user's unexpired sessions, oldest first.
	 * @param issuer the identity provider, optional with one provider
	 * @param subject the provider's {@code sub}
	 * @return the sessions
	 */
	@ReadOperation
	public Mono<List<Map<String, Object>>> sessions(@Nullable String issuer, String subject) {
		return this.sessions.findByUser(issuer(issuer), subject)
			.sort((a, b) -> a.created().compareTo(b.created()))
			.map(SessionsEndpoint::describe)
			.collectList();
	}

	/**
	 * Revoke one of a user's sessions ({@code handle}), or all of them.
	 * @param issuer the identity provider, optional with one provider
	 * @param subject the provider's {@code sub}
	 * @param handle the session's handle from the listing, or none for every session
	 * @return how many sessions were revoked
	 */
	@DeleteOperation
	public Mono<Map<String, Object>> revoke(@Nullable String issuer, String subject, @Nullable String handle) {
		String provider = issuer(issuer);
		Mono<Long> revoked = (handle != null)
				? this.revocation
					.revoke(provider, subject, handle, SessionRevocation.Actor.OPERATOR, "revoked_by_operator", null)
					.map((found) -> found ? 1L : 0L)
				: this.revocation.revokeAll(provider, subject, SessionRevocation.Actor.OPERATOR, "revoked_by_operator",
						null);
		return revoked.map((count) -> Map.of("revoked", count));
	}

	private String issuer(@Nullable String issuer) {
		if (issuer != null && !issuer.isBlank()) {
			return issuer;
		}
		if (this.issuers.size() != 1) {
			throw new InvalidEndpointRequestException(
					"issuer is required: users sign in with " + this.issuers.size()
							+ " identity providers, configured issuers: " + this.issuers.stream().sorted().toList(),
					"issuer is required");
		}
		return this.issuers.iterator().next();
	}

	private static Map<String, Object> describe(UserSession session) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("handle", session.handle());
		description.put("issuer", session.details().issuer());
		description.put("subject", session.details().subject());
		description.put("created", session.created().toString());
		description.put("lastSeen", session.lastSeen().toString());
		description.put("expires", session.expires().toString());
		description.put("clientAddress", session.details().clientAddress());
		description.put("userAgent", session.details().userAgent());
		description.put("providerSession", session.details().sid() != null);
		return description;
	}

}

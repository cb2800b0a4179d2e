package io.edgegateway.app.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The management endpoint over the in-memory sessions: who is named how, what a listing
 * shows, and what it never shows.
 */
class SessionsEndpointTests {

	private static final String ISSUER = "https://idp.example";

	private final Map<String, Session> store = new ConcurrentHashMap<>();

	private final InMemoryUserSessions sessions = new InMemoryUserSessions(this.store,
			new ReactiveMapSessionRepository(this.store));

	private final SessionRevocation revocation = new SessionRevocation(this.sessions,
			SessionRevocation.MintedTokens.NONE, new SessionAuditLog(Clock.systemUTC(), false));

	@Test
	void sessionsWhenIssuerOmittedWithOneProviderThenThatProvidersUser() {
		MapSession session = signedIn("alice", "sid-1");
		signedIn("bob", null);
		List<Map<String, Object>> listed = endpoint(Set.of(ISSUER)).sessions(null, "alice").block();
		assertThat(listed).singleElement().satisfies((entry) -> {
			assertThat(entry).containsEntry("handle", SessionKeys.hash(session.getId()))
				.containsEntry("subject", "alice")
				.containsEntry("clientAddress", "203.0.113.7")
				.containsEntry("providerSession", true);
			assertThat(entry.values()).doesNotContain(session.getId(), "sid-1");
		});
	}

	@Test
	void sessionsWhenIssuerOmittedWithSeveralProvidersThenRefusedNamingThem() {
		SessionsEndpoint endpoint = endpoint(Set.of(ISSUER, "https://other.example"));
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> endpoint.sessions(null, "alice"))
			.withMessage("issuer is required: users sign in with 2 identity providers, configured issuers: "
					+ "[https://idp.example, https://other.example]");
	}

	@Test
	void revokeWhenHandleThenOnlyThatSessionEnds() {
		MapSession revoked = signedIn("alice", null);
		MapSession kept = signedIn("alice", null);
		Map<String, Object> answer = endpoint(Set.of(ISSUER)).revoke(ISSUER, "alice", SessionKeys.hash(revoked.getId()))
			.block();
		assertThat(answer).containsEntry("revoked", 1L);
		assertThat(this.store).containsOnlyKeys(kept.getId());
	}

	@Test
	void revokeWhenNoHandleThenEverySessionOfTheUserEnds() {
		signedIn("alice", null);
		signedIn("alice", null);
		MapSession other = signedIn("bob", null);
		assertThat(endpoint(Set.of(ISSUER)).revoke(null, "alice", null).block()).containsEntry("revoked", 2L);
		assertThat(this.store).containsOnlyKeys(other.getId());
	}

	private SessionsEndpoint endpoint(Set<String> issuers) {
		return new SessionsEndpoint(this.sessions, this.revocation, issuers);
	}

	private MapSession signedIn(String subject, String sid) {
		MapSession session = new MapSession();
		session.setAttribute(SessionDetails.ATTRIBUTE,
				SessionDetails.signIn(ISSUER, subject, sid, subject, "203.0.113.7", "Mozilla/5.0"));
		this.store.put(session.getId(), session);
		return session;
	}

}

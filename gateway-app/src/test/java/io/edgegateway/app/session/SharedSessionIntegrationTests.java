package io.edgegateway.app.session;

import java.net.http.HttpResponse;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.GatewayInstance;
import io.edgegateway.app.support.TestBrowser;
import io.edgegateway.app.support.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas share sessions through Redis: a session created on one gateway is served by
 * another, and outlives the gateway that created it.
 */
class SharedSessionIntegrationTests {

	private final TestBrowser browser = new TestBrowser();

	@Test
	void sessionCreatedOnOneReplicaThenServedByAnotherAndSurvivesRestart() {
		String namespace = GatewayInstance.newNamespace();
		String idp = TestServers.idp().issuer();
		String upstream = TestServers.upstream().uri().toString();
		GatewayInstance second;
		try (GatewayInstance first = GatewayInstance.start(idp, upstream, GatewayInstance.redisSessions(namespace))) {
			second = GatewayInstance.start(idp, upstream, GatewayInstance.redisSessions(namespace));
			HttpResponse<String> landed = this.browser.signIn(first.url() + "/", "bob", "bob-password");
			assertThat(landed.statusCode()).isEqualTo(200);
			Echo onSecond = Echo.of(this.browser.get(second.url() + "/api/x", "Accept", "application/json"));
			assertThat(onSecond.header("X-User-Id")).containsExactly("bob");
			assertThat(onSecond.token()).containsEntry("sub", "bob");
		}
		second.close();
		try (GatewayInstance restarted = GatewayInstance.start(idp, upstream,
				GatewayInstance.redisSessions(namespace))) {
			Echo afterRestart = Echo.of(this.browser.get(restarted.url() + "/api/x", "Accept", "application/json"));
			assertThat(afterRestart.header("X-User-Id")).containsExactly("bob");
		}
	}

	@Test
	void sessionWrittenWithOtherEncryptionKeyThenNotReadableAndUserMustSignIn() {
		String namespace = GatewayInstance.newNamespace();
		String idp = TestServers.idp().issuer();
		String upstream = TestServers.upstream().uri().toString();
		try (GatewayInstance first = GatewayInstance.start(idp, upstream, GatewayInstance.redisSessions(namespace))) {
			this.browser.signIn(first.url() + "/", "bob", "bob-password");
		}
		var otherKey = GatewayInstance.redisSessions(namespace);
		otherKey.put("edge.session.encryption.active-key", "k2");
		otherKey.remove("edge.session.encryption.keys.k1");
		otherKey.put("edge.session.encryption.keys.k2", "b3RoZXIta2V5LWZvci1lZGdlLWdhdGV3YXktc2Vzc2k=");
		try (GatewayInstance rotatedAway = GatewayInstance.start(idp, upstream, otherKey)) {
			HttpResponse<String> response = this.browser.get(rotatedAway.url() + "/auth/me", "Accept",
					"application/json");
			assertThat(response.statusCode()).isEqualTo(401);
		}
	}

}

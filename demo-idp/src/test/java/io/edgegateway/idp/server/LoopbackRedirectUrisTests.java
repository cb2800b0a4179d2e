package io.edgegateway.idp.server;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopback rule: registered loopback redirect URIs match on any port, nothing else
 * does.
 */
class LoopbackRedirectUrisTests {

	private static final List<String> REGISTERED = List.of("http://127.0.0.1:8080/login/oauth2/code/idp",
			"http://localhost:8080/login/oauth2/code/idp", "https://gateway.example/login/oauth2/code/idp");

	@Test
	void loopbackUrisMatchOnAnyPort() {
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.1:43123/login/oauth2/code/idp", REGISTERED))
			.isTrue();
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://localhost:43123/login/oauth2/code/idp", REGISTERED))
			.isTrue();
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.1/login/oauth2/code/idp", REGISTERED)).isTrue();
	}

	@Test
	void loopbackUrisMustMatchEverythingButThePort() {
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.1:43123/other", REGISTERED)).isFalse();
		assertThat(LoopbackRedirectUris.matchesAnyPort("https://127.0.0.1:43123/login/oauth2/code/idp", REGISTERED))
			.isFalse();
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.2:8080/login/oauth2/code/idp", REGISTERED))
			.isFalse();
		assertThat(LoopbackRedirectUris.matchesAnyPort("http://127.0.0.1:43123/login/oauth2/code/idp#x", REGISTERED))
			.isFalse();
	}

	@Test
	void otherHostsAreLeftToTheExactMatch() {
		assertThat(
				LoopbackRedirectUris.matchesAnyPort("https://gateway.example:8443/login/oauth2/code/idp", REGISTERED))
			.isFalse();
		assertThat(LoopbackRedirectUris.matchesAnyPort("https://gateway.example/login/oauth2/code/idp", REGISTERED))
			.isFalse();
	}

}

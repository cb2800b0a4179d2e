package io.edgegateway.app.security;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedHostsTests {

	private final AllowedHosts hosts = new AllowedHosts(
			List.of("gateway.example.com", "Internal.Example.COM:8443", "127.0.0.1", "[::1]:8080"));

	@ParameterizedTest
	@CsvSource({ "https://gateway.example.com/x, true", "http://gateway.example.com:8080/x, true",
			"https://GATEWAY.example.com./x, true", "https://internal.example.com:8443/, true",
			"https://internal.example.com/, false", "http://internal.example.com:8443/, true",
			"http://127.0.0.1:41000/, true", "http://[::1]:8080/, true", "http://[::1]:8081/, false",
			"https://evil.example/, false", "https://gateway.example.com.evil.example/, false",
			"https://evil.example@gateway.example.com/, true" })
	void allowsWhenRequestAddressThenByHostAndPortIfGiven(String uri, boolean allowed) {
		assertThat(this.hosts.allows(URI.create(uri))).as(uri).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "gateway.example.com, true", "gateway.example.com:443, true", "[::1]:8080, true",
			"'gateway example', false", "https://gateway.example.com, false", "gateway.example.com/x, false",
			"'', false" })
	void isWellFormedWhenConfiguredEntryThenHostOrHostAndPort(String entry, boolean wellFormed) {
		assertThat(AllowedHosts.isWellFormed(entry)).as(entry).isEqualTo(wellFormed);
	}

}

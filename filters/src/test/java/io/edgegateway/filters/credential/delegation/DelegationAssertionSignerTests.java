package io.edgegateway.filters.credential.delegation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.edgegateway.filters.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelegationAssertionSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	@TempDir
	Path directory;

	@Test
	void signWhenKeyFileThenRs256AssertionNamingTheUserVerifiableWithThePublicKey() throws Exception {
		TestKeys keys = TestKeys.generate("key-1");
		Path file = keys.writeServiceAccountKeyFile(this.directory.resolve("sa.json"),
				"gateway@project.iam.gserviceaccount.com", "https://oauth2.example.com/token");
		ServiceAccountKey key = ServiceAccountKey.parse(Files.readString(file));
		DelegationAssertionSigner signer = new DelegationAssertionSigner(Clock.fixed(NOW, ZoneOffset.UTC),
				Duration.ofMinutes(5));
		Jwt assertion = signer.sign(key, "alice@example.com", List.of("drive.readonly", "calendar"));
		SignedJWT parsed = SignedJWT.parse(assertion.getTokenValue());
		assertThat(parsed.verify(new RSASSAVerifier(keys.publicKey()))).isTrue();
		assertThat(parsed.getHeader().getKeyID()).isEqualTo("key-1");
		assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(parsed.getJWTClaimsSet().getIssuer()).isEqualTo("gateway@project.iam.gserviceaccount.com");
		assertThat(parsed.getJWTClaimsSet().getSubject()).isEqualTo("alice@example.com");
		assertThat(parsed.getJWTClaimsSet().getAudience()).containsExactly("https://oauth2.example.com/token");
		assertThat(parsed.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("drive.readonly calendar");
		assertThat(parsed.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);
		assertThat(parsed.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void parseWhenFieldMissingThenNamesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceAccountKey.parse("{\"client_email\": \"x\"}"))
			.withMessageStartingWith("private_key:");
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceAccountKey.parse("not json"))
			.withMessageStartingWith("not a JSON key file");
	}

}

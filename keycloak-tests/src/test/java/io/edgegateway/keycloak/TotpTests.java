package io.edgegateway.keycloak;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Totp} against the SHA-1 test vectors of RFC 6238, appendix B.
 */
class TotpTests {

	private static final byte[] RFC_6238_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codeWhenRfc6238TestVectorThenItsCode(long seconds, String code) {
		assertThat(Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(seconds), 8)).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804" })
	void codeWhenSixDigitsThenTheLastSixOfTheTruncation(long seconds, String code) {
		assertThat(Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(seconds), 6)).isEqualTo(code);
	}

}

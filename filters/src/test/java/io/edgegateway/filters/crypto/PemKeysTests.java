package io.edgegateway.filters.crypto;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

import io.edgegateway.filters.support.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PemKeysTests {

	@Test
	void ecPublicKeyWhenComputedThenEqualsTheGeneratedOne() {
		for (int i = 0; i < 5; i++) {
			KeyPair pair = TestKeys.ecP256();
			ECPrivateKey key = (ECPrivateKey) PemKeys.privateKey(TestKeys.pem(pair.getPrivate()));
			assertThat(PemKeys.ecPublicKey(key)).isEqualTo(pair.getPublic());
		}
	}

	@Test
	void privateKeyWhenRsaThenRsaKey() {
		TestKeys keys = TestKeys.generate("k");
		assertThat(PemKeys.privateKey(keys.privateKeyPem())).isInstanceOf(RSAPrivateCrtKey.class);
	}

	@Test
	void privateKeyWhenNotPemThenSaysWhatItExpected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.privateKey("ssh-rsa AAAA"))
			.withMessage("not a PKCS#8 PEM private key (expected '-----BEGIN PRIVATE KEY-----')");
	}

}

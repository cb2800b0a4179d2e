package io.edgegateway.idp.server;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The identity provider's signing keys, rotatable: the JWK Set endpoint publishes every
 * key, tokens are signed with the newest. {@link #rotate()} publishes a new key and signs
 * with it from then on, as a provider's key rotation does; the old key stays published.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

	private volatile List<RSAKey> keys = List.of(RsaKeys.generate());

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		List<JWK> published = selector.select(new JWKSet(new ArrayList<>(this.keys)));
		if (published.size() > 1 && selector.getMatcher().getAlgorithms() != null) {
			// The encoder asks for the key of an algorithm: one key, the newest.
			RSAKey signing = this.keys.get(0);
			return published.contains(signing) ? List.of(signing) : List.of(published.get(0));
		}
		return published;
	}

	/**
	 * Publish a new key and sign with it.
	 * @return the new key's id
	 */
	public synchronized String rotate() {
		List<RSAKey> rotated = new ArrayList<>();
		rotated.add(RsaKeys.generate());
		rotated.addAll(this.keys);
		this.keys = List.copyOf(rotated);
		return rotated.get(0).getKeyID();
	}

}

package io.edgegateway.filters.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Keys for encrypting values at rest, by key id. New values are written with the active
 * key; values written with any other listed key stay readable, so a key is rotated by
 * adding the new one, making it active, and removing the old one once nothing written
 * with it can still be alive.
 *
 * <pre>
 * encryption:
 *   active-key: "2026-11"
 *   keys:
 *     "2026-11": "base64 of 32 random bytes"   # openssl rand -base64 32
 *     "2026-08": "base64 of the previous key"
 * </pre>
 */
public class EncryptionProperties {

	/**
	 * Id of the key new values are encrypted with. Required where encryption is in use.
	 */
	private @Nullable String activeKey;

	/**
	 * AES keys (16, 24 or 32 bytes, base64) by key id. Default none.
	 */
	private Map<String, String> keys = new LinkedHashMap<>();

	public @Nullable String getActiveKey() {
		return this.activeKey;
	}

	public void setActiveKey(@Nullable String activeKey) {
		this.activeKey = activeKey;
	}

	public Map<String, String> getKeys() {
		return this.keys;
	}

	public void setKeys(Map<String, String> keys) {
		this.keys = keys;
	}

}

package io.edgegateway.app.security;

import org.jspecify.annotations.Nullable;

/**
 * The characters Spring Security's {@code StrictServerWebExchangeFirewall} allows in
 * header names and values: assigned Unicode code points that are not control characters
 * (a tab too, in a value). The same rule as its default regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), checked in one pass over the characters:
 * the firewall runs it on every header of every request, and a bearer token is several
 * hundred characters long.
 */
final class FirewallCharacters {

	private FirewallCharacters() {
	}

	static boolean isAllowedHeaderName(@Nullable String name) {
		return name == null || allAllowed(name, false);
	}

	static boolean isAllowedHeaderValue(@Nullable String value) {
		return value == null || allAllowed(value, true);
	}

	private static boolean allAllowed(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				continue;
			}
			int codePoint = text.codePointAt(i);
			boolean allowed = (tabAllowed && codePoint == '\t')
					|| (Character.isDefined(codePoint) && !Character.isISOControl(codePoint));
			if (!allowed) {
				return false;
			}
			i += Character.charCount(codePoint) - 1;
		}
		return true;
	}

}

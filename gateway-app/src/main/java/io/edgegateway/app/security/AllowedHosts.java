package io.edgegateway.app.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The hosts the gateway answers to ({@code edge.security.allowed-hosts}): names, with an
 * optional port, compared without case and without a trailing dot. An entry without a
 * port allows every port.
 */
final class AllowedHosts {

	private static final Pattern WELL_FORMED = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

	private final List<Entry> entries;

	AllowedHosts(List<String> hosts) {
		this.entries = hosts.stream().map(Entry::parse).toList();
	}

	static boolean isWellFormed(String host) {
		return WELL_FORMED.matcher(host.trim()).matches();
	}

	/**
	 * Whether a request's address names an allowed host.
	 * @param uri the request's URI, as forwarded headers of trusted proxies left it
	 * @return whether it does
	 */
	boolean allows(URI uri) {
		String host = normalize(uri.getHost());
		if (host == null) {
			return false;
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		return this.entries.stream()
			.anyMatch((entry) -> entry.host.equals(host) && (entry.port == -1 || entry.port == port));
	}

	private static @Nullable String normalize(@Nullable String host) {
		if (host == null || host.isEmpty()) {
			return null;
		}
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private record Entry(String host, int port) {

		static Entry parse(String value) {
			String trimmed = value.trim();
			int colon = trimmed.lastIndexOf(':');
			if (colon > trimmed.lastIndexOf(']')) {
				return new Entry(normalize(trimmed.substring(0, colon)),
						Integer.parseInt(trimmed.substring(colon + 1)));
			}
			return new Entry(normalize(trimmed), -1);
		}

	}

}

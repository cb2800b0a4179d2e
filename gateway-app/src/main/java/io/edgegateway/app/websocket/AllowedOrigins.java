package io.edgegateway.app.websocket;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The origins whose pages may open a WebSocket with the session cookie: the gateway's own
 * (the request's address, which is the public base URL, or an allowed host, by the time
 * this is asked) and the configured ones. Origins are compared as browsers send them:
 * scheme, host and a port other than the scheme's default, in lower case.
 */
final class AllowedOrigins {

	private final Set<String> configured;

	AllowedOrigins(List<String> configured) {
		this.configured = configured.stream().map(AllowedOrigins::normalize).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether a page of an origin may open a WebSocket on a request's address.
	 * @param origin the handshake's {@code Origin}
	 * @param request the request's address
	 * @return whether it may
	 */
	boolean allows(String origin, URI request) {
		String normalized = normalize(origin);
		return normalized != null && (normalized.equals(normalize(request)) || this.configured.contains(normalized));
	}

	private static @Nullable String normalize(String origin) {
		try {
			return normalize(new URI(origin.trim()));
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static @Nullable String normalize(URI uri) {
		String scheme = uri.getScheme();
		String host = uri.getHost();
		if (scheme == null || host == null) {
			return null;
		}
		scheme = scheme.toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}

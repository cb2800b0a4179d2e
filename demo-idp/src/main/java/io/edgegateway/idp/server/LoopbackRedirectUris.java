package io.edgegateway.idp.server;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The loopback rule for redirect URIs (OAuth 2.1, section 8.4.2; RFC 8252, section 7.3):
 * a URI registered with a loopback host ({@code 127.x.x.x}, {@code [::1]} or
 * {@code localhost}) matches a requested URI that differs only in the port. That lets a
 * gateway on a random test port use the URIs registered for port 8080.
 * <p>
 * Spring Authorization Server 7 applies this rule itself, but only to authorization
 * requests and only to loopback IP literals: {@code localhost} and all post-logout
 * redirect URIs need an exact match. The demo identity provider applies it to both, for
 * every loopback host.
 */
final class LoopbackRedirectUris {

	private LoopbackRedirectUris() {
	}

	/**
	 * Whether the requested URI is a loopback URI that matches one of the registered
	 * URIs, whatever its port.
	 * @param requestedUri the requested redirect URI
	 * @param registeredUris the registered redirect URIs
	 * @return {@code true} if the requested URI has a loopback host and equals a
	 * registered URI but for the port
	 */
	static boolean matchesAnyPort(String requestedUri, Collection<String> registeredUris) {
		UriComponents requested = parse(requestedUri);
		if (requested == null || !isLoopback(requested.getHost())) {
			return false;
		}
		String expected = requested.toUriString();
		for (String registeredUri : registeredUris) {
			UriComponents registered = parse(registeredUri);
			if (registered != null && expected.equals(UriComponentsBuilder.newInstance()
				.uriComponents(registered)
				.port(requested.getPort())
				.toUriString())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable UriComponents parse(String uri) {
		try {
			return UriComponentsBuilder.fromUriString(uri).build();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String lowerCaseHost = host.toLowerCase(Locale.ROOT);
		return lowerCaseHost.equals("localhost") || lowerCaseHost.equals("[::1]")
				|| lowerCaseHost.equals("[0:0:0:0:0:0:0:1]") || lowerCaseHost.matches("127(\\.\\d{1,3}){3}");
	}

}

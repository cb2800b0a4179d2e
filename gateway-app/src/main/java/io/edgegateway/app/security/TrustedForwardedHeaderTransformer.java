package io.edgegateway.app.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides the address a request is taken to have arrived at, and the client it came from,
 * before anything else sees it. With a configured public base URL, that URL, whatever the
 * request says; otherwise the {@code Forwarded} / {@code X-Forwarded-*} headers of a
 * trusted proxy. Forwarded headers from anyone else are removed, so no client can choose
 * the redirect URI, the {@code Location} of a redirect or whether the session cookie is
 * {@code Secure}.
 * <p>
 * The client is the right-most address of the forwarded chain that is not a trusted
 * proxy: a trusted proxy appends the address it saw, so everything to its left may have
 * been written by the client itself (Spring's own transformer takes the left-most).
 */
final class TrustedForwardedHeaderTransformer extends ForwardedHeaderTransformer {

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final String FORWARDED = "Forwarded";

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	/**
	 * With a {@code :}, {@link InetAddress#getByName} parses the value as an IPv6 literal
	 * and never asks DNS.
	 */
	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

	private final ForwardedHeaderTransformer remover = new ForwardedHeaderTransformer();

	private final @Nullable URI publicBaseUrl;

	private final List<AddressRange> trustedProxies;

	TrustedForwardedHeaderTransformer(@Nullable URI publicBaseUrl, List<String> trustedProxies) {
		this.remover.setRemoveOnly(true);
		this.publicBaseUrl = publicBaseUrl;
		this.trustedProxies = new ArrayList<>();
		for (int i = 0; i < trustedProxies.size(); i++) {
			this.trustedProxies
				.add(AddressRange.parse(trustedProxies.get(i), "edge.security.trusted-proxies[" + i + "]"));
		}
	}

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		boolean fromTrustedProxy = isTrusted(request.getRemoteAddress());
		InetSocketAddress client = fromTrustedProxy ? client(request) : request.getRemoteAddress();
		ServerHttpRequest decided = (fromTrustedProxy && this.publicBaseUrl == null) ? super.apply(request)
				: this.remover.apply(request);
		if (this.publicBaseUrl == null && Objects.equals(client, decided.getRemoteAddress())) {
			// Nothing to change (a direct client without forwarded headers): no copy of
			// the request.
			return decided;
		}
		ServerHttpRequest.Builder builder = decided.mutate();
		if (client != null) {
			builder.remoteAddress(client);
		}
		if (this.publicBaseUrl != null) {
			builder.uri(UriComponentsBuilder.fromUri(decided.getURI())
				.scheme(this.publicBaseUrl.getScheme())
				.host(this.publicBaseUrl.getHost())
				.port(this.publicBaseUrl.getPort())
				.build(true)
				.toUri());
		}
		return builder.build();
	}

	/**
	 * The client behind a trusted proxy: walking the forwarded chain from the right, the
	 * first address that is not a trusted proxy; the left-most if all are.
	 */
	private @Nullable InetSocketAddress client(ServerHttpRequest request) {
		InetSocketAddress peer = request.getRemoteAddress();
		List<String> chain = forwardedFor(request.getHeaders());
		int port = (peer != null) ? peer.getPort() : 0;
		InetSocketAddress client = peer;
		for (int i = chain.size() - 1; i >= 0; i--) {
			InetAddress address = literal(chain.get(i));
			if (address == null) {
				// "unknown", an obfuscated identifier or garbage: nothing to its left is
				// trustworthy, and it is no address either.
				return client;
			}
			client = new InetSocketAddress(address, port);
			if (!isTrusted(client)) {
				return client;
			}
		}
		return client;
	}

	/**
	 * The addresses of the {@code Forwarded} header's {@code for} parameters, or else of
	 * {@code X-Forwarded-For}, left to right.
	 */
	private static List<String> forwardedFor(HttpHeaders headers) {
		List<String> addresses = new ArrayList<>();
		List<String> forwarded = headers.get(FORWARDED);
		if (forwarded != null && !forwarded.isEmpty()) {
			for (String value : forwarded) {
				for (String element : StringUtils.tokenizeToStringArray(value, ",")) {
					addresses.add(forParameter(element));
				}
			}
			return addresses;
		}
		List<String> forwardedFor = headers.get(X_FORWARDED_FOR);
		if (forwardedFor != null) {
			for (String value : forwardedFor) {
				addresses.addAll(List.of(StringUtils.tokenizeToStringArray(value, ",")));
			}
		}
		return addresses;
	}

	private static String forParameter(String element) {
		for (String pair : StringUtils.tokenizeToStringArray(element, ";")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && "for".equals(pair.substring(0, equals).trim().toLowerCase(Locale.ROOT))) {
				return pair.substring(equals + 1).trim().replace("\"", "");
			}
		}
		return "";
	}

	/**
	 * An address literal ({@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code 2001:db8::1},
	 * {@code [2001:db8::1]:8080}), never looked up in DNS; {@code null} for anything
	 * else.
	 */
	private static @Nullable InetAddress literal(String value) {
		String host = value.trim();
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			host = (end > 0) ? host.substring(1, end) : "";
		}
		else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
			host = host.substring(0, host.indexOf(':'));
		}
		boolean literal = IPV4.matcher(host).matches()
				|| (host.contains(":") && IPV6_CHARACTERS.matcher(host).matches());
		if (!literal) {
			return null;
		}
		try {
			return InetAddress.getByName(host);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private boolean isTrusted(@Nullable InetSocketAddress remote) {
		if (remote == null || remote.getAddress() == null) {
			return false;
		}
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.contains(remote.getAddress()));
	}

}

package io.edgegateway.filters.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.OncePerUserWarnings;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Sets the identity headers on an upstream request after removing every inbound header
 * that could pass for one.
 * <p>
 * Built once from {@link IdentityProperties} by {@link #from(IdentityProperties)}, which
 * checks the whole configuration and reports every problem together. The per-request path
 * cannot fail: it removes each inbound header whose name, compared without case and with
 * {@code _} read as {@code -}, is a configured header, a strip name or starts with a
 * strip prefix (the defaults of {@link IdentityProperties.Strip} and the configured
 * ones), then sets the gateway's own values.
 * <p>
 * Values are sent as printable ASCII: any other character, and {@code %}, is
 * percent-encoded as UTF-8 (an email {@code jörg@example.com} arrives as
 * {@code j%C3%B6rg@example.com}). Groups are joined with {@code ,} after each group's own
 * {@code ,} is encoded, so the list splits unambiguously.
 * <p>
 * Its length is the compile step, which checks every setting and reports all problems at
 * once, kept with the per-request step it compiles for (oauth2-proxy's injector does the
 * same).
 */
public final class IdentityHeaderInjector {

	/**
	 * The least {@code edge.identity.headers.max-value-length}: room for a user id, an
	 * email and a few groups.
	 */
	static final int MIN_VALUE_LENGTH = 256;

	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private final String userIdHeader;

	private final String emailHeader;

	private final String groupsHeader;

	private final String tenantHeader;

	private final String issuerHeader;

	private final String requestIdHeader;

	private final String groupsTruncatedHeader;

	private final int maxValueLength;

	private final OncePerUserWarnings warnings = new OncePerUserWarnings(
			LogFactory.getLog(IdentityHeaderInjector.class));

	private final Set<String> strippedNames;

	private final List<String> strippedPrefixes;

	private IdentityHeaderInjector(IdentityProperties.Headers headers, Set<String> strippedNames,
			List<String> strippedPrefixes) {
		this.userIdHeader = headers.getUserId();
		this.emailHeader = headers.getEmail();
		this.groupsHeader = headers.getGroups();
		this.tenantHeader = headers.getTenant();
		this.issuerHeader = headers.getIssuer();
		this.requestIdHeader = headers.getRequestId();
		this.groupsTruncatedHeader = groupsTruncatedHeader(headers);
		this.maxValueLength = headers.getMaxValueLength();
		this.strippedNames = Set.copyOf(strippedNames);
		this.strippedPrefixes = List.copyOf(strippedPrefixes);
	}

	/**
	 * Compile the configuration.
	 * @param properties the identity settings
	 * @return the injector
	 * @throws IdentityHeadersConfigurationException listing every problem found
	 */
	public static IdentityHeaderInjector from(IdentityProperties properties) {
		return from(properties, Map.of());
	}

	/**
	 * Compile the configuration, with headers that other filters set and that a client
	 * must never send either (the identity assertion's), removed as the strip names are.
	 * @param properties the identity settings
	 * @param otherHeaders further header names to remove, by the property that names each
	 * @return the injector
	 * @throws IdentityHeadersConfigurationException listing every problem found
	 */
	public static IdentityHeaderInjector from(IdentityProperties properties, Map<String, String> otherHeaders) {
		List<String> problems = new ArrayList<>();
		IdentityProperties.Headers headers = properties.getHeaders();
		Map<String, String> headerNames = new LinkedHashMap<>();
		headerNames.put("edge.identity.headers.user-id", headers.getUserId());
		headerNames.put("edge.identity.headers.email", headers.getEmail());
		headerNames.put("edge.identity.headers.groups", headers.getGroups());
		headerNames.put("edge.identity.headers.tenant", headers.getTenant());
		headerNames.put("edge.identity.headers.issuer", headers.getIssuer());
		headerNames.put("edge.identity.headers.request-id", headers.getRequestId());
		Map<String, String> seen = new HashMap<>();
		headerNames.forEach((property, name) -> {
			checkToken(property, name, problems);
			String previous = (name != null) ? seen.putIfAbsent(normalize(name), property) : null;
			if (previous != null) {
				problems.add(property + ": header '" + name + "' is already set by " + previous);
			}
		});
		List<String> names = properties.getStrip().getNames();
		for (int i = 0; i < names.size(); i++) {
			checkToken("edge.identity.strip.names[" + i + "]", names.get(i), problems);
		}
		List<String> prefixes = properties.getStrip().getPrefixes();
		for (int i = 0; i < prefixes.size(); i++) {
			checkToken("edge.identity.strip.prefixes[" + i + "]", prefixes.get(i), problems);
		}
		otherHeaders.forEach((property, name) -> checkToken(property, name, problems));
		if (headers.getMaxValueLength() < MIN_VALUE_LENGTH) {
			problems.add("edge.identity.headers.max-value-length: " + headers.getMaxValueLength()
					+ " is below the least usable " + MIN_VALUE_LENGTH + " bytes");
		}
		if (!problems.isEmpty()) {
			throw new IdentityHeadersConfigurationException(problems);
		}
		boolean defaults = properties.getStrip().isDefaults();
		Set<String> stripped = new LinkedHashSet<>(seen.keySet());
		stripped.add(normalize(groupsTruncatedHeader(headers)));
		otherHeaders.values().stream().map(IdentityHeaderInjector::normalize).forEach(stripped::add);
		Stream.concat(defaults ? IdentityProperties.Strip.DEFAULT_NAMES.stream() : Stream.empty(), names.stream())
			.map(IdentityHeaderInjector::normalize)
			.forEach(stripped::add);
		List<String> strippedPrefixes = Stream
			.concat(defaults ? IdentityProperties.Strip.DEFAULT_PREFIXES.stream() : Stream.empty(), prefixes.stream())
			.map(IdentityHeaderInjector::normalize)
			.distinct()
			.toList();
		return new IdentityHeaderInjector(headers, stripped, strippedPrefixes);
	}

	/**
	 * Remove every inbound identity header, then set the gateway's own, all of them.
	 * @param headers the upstream request's headers, modified in place
	 * @param identity the signed-in user, or {@code null} for an anonymous request
	 * @param requestId the request id, already resolved
	 */
	public void apply(HttpHeaders headers, @Nullable IdentityClaims identity, String requestId) {
		apply(headers, identity, requestId, IdentityHeadersSpec.DEFAULT);
	}

	/**
	 * Remove every inbound identity header, whatever the route chose, then set the
	 * gateway's own that the route chose, within {@code max-value-length}: the values in
	 * the order user id, email, tenant, issuer, each left out when it does not fit what
	 * remains; then the groups that fit, in order, with the truncation marker when any is
	 * left out.
	 * @param headers the upstream request's headers, modified in place
	 * @param identity the signed-in user, or {@code null} for an anonymous request
	 * @param requestId the request id, already resolved
	 * @param spec what the route's upstream receives
	 */
	public void apply(HttpHeaders headers, @Nullable IdentityClaims identity, String requestId,
			IdentityHeadersSpec spec) {
		List<String> inbound = headers.headerNames().stream().filter(this::isIdentityHeader).toList();
		inbound.forEach(headers::remove);
		headers.set(this.requestIdHeader, encode(requestId));
		if (identity == null) {
			return;
		}
		int remaining = this.maxValueLength;
		remaining = setWithin(headers, this.userIdHeader, identity.subject(), remaining, identity);
		if (spec.sends(IdentityHeader.EMAIL)) {
			remaining = setWithin(headers, this.emailHeader, identity.email(), remaining, identity);
		}
		if (spec.sends(IdentityHeader.TENANT)) {
			remaining = setWithin(headers, this.tenantHeader, identity.tenant(), remaining, identity);
		}
		if (spec.sends(IdentityHeader.ISSUER)) {
			remaining = setWithin(headers, this.issuerHeader, identity.issuer(), remaining, identity);
		}
		if (spec.sends(IdentityHeader.GROUPS)) {
			setGroupsWithin(headers, identity, spec, remaining);
		}
	}

	/**
	 * The name of the request id header.
	 * @return the header name
	 */
	public String requestIdHeader() {
		return this.requestIdHeader;
	}

	private boolean isIdentityHeader(String name) {
		String normalized = normalize(name);
		if (this.strippedNames.contains(normalized)) {
			return true;
		}
		for (String prefix : this.strippedPrefixes) {
			if (normalized.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private int setWithin(HttpHeaders headers, String name, @Nullable String value, int remaining,
			IdentityClaims identity) {
		if (value == null) {
			return remaining;
		}
		String encoded = encode(value);
		if (encoded.length() > remaining) {
			warnOversized(identity, name + " (" + encoded.length() + " bytes) left out");
			return remaining;
		}
		headers.set(name, encoded);
		return remaining - encoded.length();
	}

	private void setGroupsWithin(HttpHeaders headers, IdentityClaims identity, IdentityHeadersSpec spec,
			int remaining) {
		StringBuilder groups = new StringBuilder();
		int sent = 0;
		int left = 0;
		for (String group : identity.groups()) {
			if (!spec.sendsGroup(group)) {
				continue;
			}
			String encoded = encode(group).replace(",", "%2C");
			int length = (groups.isEmpty() ? 0 : 1) + encoded.length();
			if (left == 0 && groups.length() + length <= remaining) {
				groups.append(groups.isEmpty() ? "" : ",").append(encoded);
				sent++;
			}
			else {
				left++;
			}
		}
		if (!groups.isEmpty()) {
			headers.set(this.groupsHeader, groups.toString());
		}
		if (left > 0) {
			headers.set(this.groupsTruncatedHeader, "true");
			warnOversized(identity, this.groupsHeader + " carries " + sent + " groups, " + left + " left out");
		}
	}

	private void warnOversized(IdentityClaims identity, String what) {
		this.warnings.warnOnce(identity.subject(), () -> "Identity headers of user '" + identity.subject()
				+ "' exceed edge.identity.headers.max-value-length (" + this.maxValueLength + " bytes): " + what);
	}

	/**
	 * The header that marks a cut groups header: the groups header's name plus
	 * {@code -Truncated}.
	 */
	private static String groupsTruncatedHeader(IdentityProperties.Headers headers) {
		return headers.getGroups() + "-Truncated";
	}

	private static String normalize(String name) {
		return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String encode(String value) {
		StringBuilder encoded = new StringBuilder(value.length());
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (c >= 0x20 && c < 0x7F && c != '%') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * Whether a text is a valid header name (an RFC 9110 token).
	 * @param name the text
	 * @return whether it is
	 */
	public static boolean isHeaderName(@Nullable String name) {
		return name != null && TOKEN.matcher(name).matches();
	}

	private static void checkToken(String property, @Nullable String name, List<String> problems) {
		if (!StringUtils.hasText(name)) {
			problems.add(property + ": a header name is required");
		}
		else if (!isHeaderName(name)) {
			problems.add(property + ": '" + name + "' is not a valid header name");
		}
	}

}

package io.edgegateway.filters.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.edgegateway.filters.user.IdentityClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdentityHeaderInjectorTests {

	private static final IdentityClaims ALICE = new IdentityClaims("alice", "Alice Anders", "alice@example.com",
			List.of("engineering", "on-call"), "t1", "https://idp.example.com");

	static Stream<Arguments> inboundIdentityHeaders() {
		return Stream.of(Arguments.of("X-User-Id", "mallory"), Arguments.of("x-user-id", "mallory"),
				Arguments.of("X-USER-ID", "mallory"), Arguments.of("X_User_Id", "mallory"),
				Arguments.of("X-User-Email", "mallory@evil.example"), Arguments.of("X-User-Groups", "admin"),
				Arguments.of("X-User-Anything-Else", "x"), Arguments.of("X-Tenant-Id", "t2"),
				Arguments.of("x_tenant_id", "t2"), Arguments.of("X-Forwarded-User", "mallory"),
				Arguments.of("X-Forwarded-Email", "mallory@evil.example"), Arguments.of("X-Forwarded-Groups", "admin"),
				Arguments.of("X-Auth-Request-User", "mallory"), Arguments.of("X-Auth-Request-Access-Token", "tok"),
				Arguments.of("X-User-Issuer", "https://evil.example"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inboundIdentityHeaders")
	void applyWhenInboundIdentityHeaderThenRemovedBeforeGatewayValues(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		headers.add(name, value + "-again");
		headers.add("Accept", "application/json");
		injector().apply(headers, ALICE, "req-1");
		assertThat(headers.headerNames()).noneMatch((header) -> header.equals(name) && !isGatewayHeader(header));
		assertThat(headers.get("X-User-Id")).containsExactly("alice");
		assertThat(headers.get("X-User-Email")).containsExactly("alice@example.com");
		assertThat(headers.get("X-User-Groups")).containsExactly("engineering,on-call");
		assertThat(headers.get("X-Tenant-Id")).containsExactly("t1");
		assertThat(headers.get("X-User-Issuer")).containsExactly("https://idp.example.com");
		assertThat(headers.get("X-Request-Id")).containsExactly("req-1");
		assertThat(headers.getFirst("Accept")).isEqualTo("application/json");
		assertThat(headers.toSingleValueMap().values())
			.noneMatch((v) -> v.contains("mallory") || v.equals("t2") || v.contains("evil"));
	}

	static Stream<Arguments> anonymousRequests() {
		return Stream.of(Arguments.of(Map.of("X-User-Id", "mallory")), Arguments.of(Map.of("X-Forwarded-User", "m")),
				Arguments.of(Map.of("X-Tenant-Id", "t2")));
	}

	@ParameterizedTest
	@MethodSource("anonymousRequests")
	void applyWhenNoUserThenOnlyStripsAndSetsRequestId(Map<String, String> inbound) {
		HttpHeaders headers = new HttpHeaders();
		inbound.forEach(headers::add);
		injector().apply(headers, null, "req-2");
		assertThat(headers.headerNames()).containsExactly("X-Request-Id");
	}

	@Test
	void applyWhenValuesAreNotPrintableAsciiThenPercentEncoded() {
		HttpHeaders headers = new HttpHeaders();
		IdentityClaims jorg = new IdentityClaims("j\u00f6rg", null, "j\u00f6rg@example.com",
				List.of("r&d, berlin", "100%"), null, null);
		injector().apply(headers, jorg, "req-3");
		assertThat(headers.getFirst("X-User-Id")).isEqualTo("j%C3%B6rg");
		assertThat(headers.getFirst("X-User-Email")).isEqualTo("j%C3%B6rg@example.com");
		assertThat(headers.getFirst("X-User-Groups")).isEqualTo("r&d%2C berlin,100%25");
		assertThat(headers.containsHeader("X-Tenant-Id")).isFalse();
	}

	@Test
	void applyWhenValueHasLineBreakThenEncodedNotInjected() {
		HttpHeaders headers = new HttpHeaders();
		injector().apply(headers, new IdentityClaims("a\r\nX-Admin: true", null, null, List.of(), null, null), "r");
		assertThat(headers.getFirst("X-User-Id")).isEqualTo("a%0D%0AX-Admin: true");
	}

	@Test
	void applyWhenHeaderNamesConfiguredThenUsesThemAndStripsThem() {
		IdentityProperties properties = new IdentityProperties();
		properties.getHeaders().setUserId("X-Remote-User");
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-remote-user", "mallory");
		IdentityHeaderInjector.from(properties).apply(headers, ALICE, "r");
		assertThat(headers.get("X-Remote-User")).containsExactly("alice");
	}

	@Test
	void fromWhenConfigurationIsBadThenReportsEveryProblemNamingTheProperty() {
		IdentityProperties properties = new IdentityProperties();
		properties.getHeaders().setUserId("X User");
		properties.getHeaders().setEmail("X-User-Id");
		properties.getHeaders().setTenant("x-user-id");
		properties.getStrip().setPrefixes(List.of("X-Ok-", ""));
		assertThatExceptionOfType(IdentityHeadersConfigurationException.class)
			.isThrownBy(() -> IdentityHeaderInjector.from(properties))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"edge.identity.headers.user-id: 'X User' is not a valid header name",
					"edge.identity.headers.tenant: header 'x-user-id' is already set by edge.identity.headers.email",
					"edge.identity.strip.prefixes[1]: a header name is required"));
	}

	static Stream<Arguments> routeChoices() {
		return Stream.of(Arguments.of(IdentityHeadersSpec.DEFAULT,
				Map.of("X-User-Id", "alice", "X-User-Email", "alice@example.com", "X-User-Groups",
						"engineering,on-call", "X-Tenant-Id", "t1", "X-User-Issuer", "https://idp.example.com")),
				Arguments.of(new IdentityHeadersSpec(Set.of(IdentityHeader.GROUPS, IdentityHeader.TENANT), null),
						Map.of("X-User-Id", "alice", "X-User-Groups", "engineering,on-call", "X-Tenant-Id", "t1")),
				Arguments.of(new IdentityHeadersSpec(Set.of(), null), Map.of("X-User-Id", "alice")),
				Arguments.of(new IdentityHeadersSpec(Set.of(IdentityHeader.GROUPS), "on-"),
						Map.of("X-User-Id", "alice", "X-User-Groups", "on-call")),
				Arguments.of(new IdentityHeadersSpec(Set.of(IdentityHeader.GROUPS), "analytics-"),
						Map.of("X-User-Id", "alice")));
	}

	@ParameterizedTest
	@MethodSource("routeChoices")
	void applyWhenRouteChoosesThenOnlyItsHeadersAndEveryInboundOneRemoved(IdentityHeadersSpec spec,
			Map<String, String> expected) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-User-Email", "mallory@example.com");
		headers.set("X-User-Groups", "admin");
		headers.set("X-User-Groups-Truncated", "false");
		injector().apply(headers, ALICE, "r", spec);
		Map<String, String> sent = new HashMap<>();
		headers.headerNames().forEach((name) -> sent.put(name, headers.getFirst(name)));
		sent.remove("X-Request-Id");
		assertThat(sent).isEqualTo(expected);
	}

	@Test
	void applyWhenGroupsExceedTheLimitThenTheFirstThatFitAndTheMarker() {
		List<String> groups = IntStream.range(0, 500).mapToObj((i) -> "group-" + i).toList();
		IdentityClaims many = new IdentityClaims("bob", null, "bob@example.com", groups, "t2", null);
		HttpHeaders headers = new HttpHeaders();
		injector().apply(headers, many, "r");
		String sent = headers.getFirst("X-User-Groups");
		int identity = "bob".length() + "bob@example.com".length() + "t2".length();
		assertThat(sent.length() + identity).isLessThanOrEqualTo(4096);
		assertThat(sent.length() + identity).isGreaterThan(4096 - "group-499,".length());
		List<String> kept = List.of(sent.split(","));
		assertThat(kept).isEqualTo(groups.subList(0, kept.size()));
		assertThat(headers.getFirst("X-User-Groups-Truncated")).isEqualTo("true");
	}

	@Test
	void applyWhenGroupsFitThenNoMarker() {
		HttpHeaders headers = new HttpHeaders();
		injector().apply(headers, ALICE, "r");
		assertThat(headers.containsHeader("X-User-Groups-Truncated")).isFalse();
	}

	@Test
	void applyWhenAValueExceedsWhatRemainsThenLeftOutAndTheRestSent() {
		IdentityProperties properties = new IdentityProperties();
		properties.getHeaders().setMaxValueLength(300);
		IdentityClaims longEmail = new IdentityClaims("carol", null, "c".repeat(300) + "@example.com", List.of("sales"),
				"t3", null);
		HttpHeaders headers = new HttpHeaders();
		IdentityHeaderInjector.from(properties).apply(headers, longEmail, "r");
		assertThat(headers.containsHeader("X-User-Email")).isFalse();
		assertThat(headers.getFirst("X-User-Id")).isEqualTo("carol");
		assertThat(headers.getFirst("X-Tenant-Id")).isEqualTo("t3");
		assertThat(headers.getFirst("X-User-Groups")).isEqualTo("sales");
	}

	@Test
	void fromWhenMaxValueLengthTooSmallThenNamesTheProperty() {
		IdentityProperties properties = new IdentityProperties();
		properties.getHeaders().setMaxValueLength(10);
		assertThatExceptionOfType(IdentityHeadersConfigurationException.class)
			.isThrownBy(() -> IdentityHeaderInjector.from(properties))
			.satisfies((ex) -> assertThat(ex.getProblems())
				.containsExactly("edge.identity.headers.max-value-length: 10 is below the least usable 256 bytes"));
	}

	private static boolean isGatewayHeader(String name) {
		return List.of("X-User-Id", "X-User-Email", "X-User-Groups", "X-Tenant-Id", "X-User-Issuer", "X-Request-Id")
			.contains(name);
	}

	private static IdentityHeaderInjector injector() {
		return IdentityHeaderInjector.from(new IdentityProperties());
	}

}

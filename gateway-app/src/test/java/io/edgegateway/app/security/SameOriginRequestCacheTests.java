package io.edgegateway.app.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginRequestCacheTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/orders/42", "/orders?view=full&x=%2F%2F", "/a//b" })
	void isSameOriginPathWhenPathOnThisGatewayThenTrue(String target) {
		assertThat(SameOriginRequestCache.isSameOriginPath(target)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "//evil.example", "/\\evil.example", "https://evil.example/", "evil.example",
			"javascript:alert(1)", "/a\\b", "/\r\nLocation: x", "/\t/evil.example", "http:/x" })
	void isSameOriginPathWhenOffOriginOrMalformedThenFalse(String target) {
		assertThat(SameOriginRequestCache.isSameOriginPath(target)).isFalse();
	}

}

package io.edgegateway.app.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SignInFailurePage}.
 */
class SignInFailurePageTests {

	@Test
	void renderWhenValuesCarryMarkupThenEveryOneIsEscaped() {
		SignInFailure failure = new SignInFailure("idp", "access_denied", "the sign-in was declined (access_denied)",
				"<img src=x onerror=alert(1)>", HttpStatus.UNAUTHORIZED);

		String page = SignInFailurePage.render(failure, "Acme <Partner>", "/auth/login?provider=idp&redirect=/a\"b",
				"req-1");

		assertThat(page).contains("Signing in with Acme &lt;Partner&gt; failed")
			.contains("the sign-in was declined (access_denied)")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("href=\"/auth/login?provider=idp&amp;redirect=/a&quot;b\"")
			.contains("req-1")
			.doesNotContain("<img")
			.doesNotContain("<Partner>");
	}

	@Test
	void renderWhenNoDescriptionThenNoProvidersWords() {
		SignInFailure failure = new SignInFailure(null, "idp_unavailable",
				"the identity provider could not be reached (idp_unavailable)", null, HttpStatus.SERVICE_UNAVAILABLE);

		assertThat(SignInFailurePage.render(failure, null, "/auth/login", null)).contains("<h1>Sign-in failed</h1>")
			.doesNotContain("The identity provider said")
			.doesNotContain("Request id");
	}

}

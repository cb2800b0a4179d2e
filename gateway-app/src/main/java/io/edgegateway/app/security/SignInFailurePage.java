package io.edgegateway.app.security;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The page a browser's failed sign-in ends on: what failed in plain words, the provider's
 * own description, the request id to quote to an operator, and a "Try again" link. Every
 * value is HTML-escaped: the error code and description come from the provider (or from a
 * callback anyone can send).
 */
final class SignInFailurePage {

	private SignInFailurePage() {
	}

	/**
	 * Render the page.
	 * @param failure the failure
	 * @param providerName the provider's name as the sign-in page shows it, if known
	 * @param tryAgain where to sign in again
	 * @param requestId the request id, if any
	 * @return the HTML
	 */
	static String render(SignInFailure failure, @Nullable String providerName, String tryAgain,
			@Nullable String requestId) {
		StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Sign-in failed</title></head><body>\n<h1>");
		page.append((providerName != null) ? "Signing in with " + escape(providerName) + " failed" : "Sign-in failed")
			.append("</h1>\n<p>The sign-in did not complete: ")
			.append(escape(failure.meaning()))
			.append(".</p>\n");
		if (failure.description() != null) {
			page.append("<p>The identity provider said: <q>")
				.append(escape(failure.description()))
				.append("</q></p>\n");
		}
		page.append("<p><a href=\"").append(escape(tryAgain)).append("\">Try again</a></p>\n");
		if (requestId != null) {
			page.append("<p><small>Request id: <code>").append(escape(requestId)).append("</code></small></p>\n");
		}
		return page.append("</body></html>\n").toString();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}

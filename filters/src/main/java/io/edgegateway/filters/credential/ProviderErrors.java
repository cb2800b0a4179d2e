package io.edgegateway.filters.credential;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * What the gateway makes of an identity provider's failed answer, wherever it meets one
 * (a route's credential, a browser's sign-in): whether the provider could be reached at
 * all, and the provider's own description ({@code error_description}) in a form fit for
 * an operator's log and a client's answer.
 */
public final class ProviderErrors {

	/**
	 * The gateway's error code for a provider that could not be reached or did not answer
	 * in time.
	 */
	public static final String UNAVAILABLE = "idp_unavailable";

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	private ProviderErrors() {
	}

	/**
	 * Whether a failure means the provider could not be reached: no connection, a
	 * timeout, an I/O error on the way.
	 * @param failure the failure
	 * @return whether the provider was unreachable
	 */
	public static boolean isUnreachable(Throwable failure) {
		return failure instanceof WebClientRequestException || failure instanceof TimeoutException
				|| NestedExceptionUtils.getRootCause(failure) instanceof IOException;
	}

	/**
	 * The provider's own description of its answer ({@code error_description}), for the
	 * operator's log and a client's answer: control characters removed, at most
	 * {@value #MAX_DESCRIPTION_LENGTH} characters (longer ones end in {@code …}). Without
	 * it, a provider's {@code invalid_client} "Audience not found" reads as a wrong
	 * client secret. A provider's words are still its own: HTML-escape them where they go
	 * into a page.
	 * @param description the provider's description, if any
	 * @return the sanitized description, or {@code null} when there is none left
	 */
	public static @Nullable String description(@Nullable String description) {
		if (description == null) {
			return null;
		}
		StringBuilder words = new StringBuilder(Math.min(description.length(), MAX_DESCRIPTION_LENGTH));
		int next = 0;
		while (next < description.length() && words.length() < MAX_DESCRIPTION_LENGTH) {
			char c = description.charAt(next++);
			if (!Character.isISOControl(c)) {
				words.append(c);
			}
		}
		String text = words.toString().strip();
		if (text.isEmpty()) {
			return null;
		}
		return text + ((next < description.length()) ? "…" : "");
	}

}

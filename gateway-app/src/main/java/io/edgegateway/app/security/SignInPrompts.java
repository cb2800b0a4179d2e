package io.edgegateway.app.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The OpenID Connect {@code prompt} values a sign-in passes on to the identity provider,
 * when the gateway's login URL carries one: what the provider asked for when it ended a
 * session ({@code login}, {@code consent}), or a user choosing another account
 * ({@code select_account}). Any other value ({@code none} among them) is ignored.
 */
final class SignInPrompts {

	/**
	 * The query parameter, as OpenID Connect names it.
	 */
	static final String PARAMETER = "prompt";

	private static final Set<String> PASSED_ON = Set.of("login", "consent", "select_account");

	private SignInPrompts() {
	}

	/**
	 * The prompt a request's query carries, if the sign-in passes it on.
	 * @param exchange the request
	 * @return the prompt, or {@code null}
	 */
	static @Nullable String of(ServerWebExchange exchange) {
		return valid(exchange.getRequest().getQueryParams().getFirst(PARAMETER));
	}

	/**
	 * The query that carries a prompt to a sign-in URL.
	 * @param prompt the prompt
	 * @return {@code ?prompt=<value>}, or empty for a prompt the sign-in does not pass on
	 */
	static String query(@Nullable String prompt) {
		String passedOn = valid(prompt);
		return (passedOn != null) ? "?" + PARAMETER + "=" + passedOn : "";
	}

	/**
	 * A prompt, if the sign-in passes it on.
	 * @param prompt the value
	 * @return the value, or {@code null}
	 */
	static @Nullable String valid(@Nullable String prompt) {
		return (prompt != null && PASSED_ON.contains(prompt)) ? prompt : null;
	}

}

package io.edgegateway.app.security;

import java.util.List;

import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUserResolver;
import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The short way for known users refuses to stand in for a chain with a filter it does not
 * know, so a filter added to the chain later is never skipped unnoticed.
 */
class KnownUserWebFilterTests {

	@Test
	void chainOfFiltersItStandsInForThenCreated() {
		assertThatNoException().isThrownBy(() -> knownUsers(
				List.of(new HttpHeaderWriterWebFilter(new XContentTypeOptionsServerHttpHeadersWriter()),
						new CsrfCookieWebFilter())));
	}

	@Test
	void chainWithAnotherFilterThenStartupFailsNamingIt() {
		WebFilter cors = new CorsWebFilter(new UrlBasedCorsConfigurationSource());
		assertThatIllegalStateException().isThrownBy(() -> knownUsers(List.of(new CsrfCookieWebFilter(), cors)))
			.withMessageContaining(CorsWebFilter.class.getName())
			.withMessageNotContaining(CsrfCookieWebFilter.class.getName());
	}

	private static KnownUserWebFilter knownUsers(List<WebFilter> fullChain) {
		return new KnownUserWebFilter(fullChain, new WebSessionServerSecurityContextRepository(),
				new CookieWebSessionIdResolver(), KnownBearerTokens.NONE,
				SignedInUserResolver.from(new IdentityClaimsProperties()));
	}

}

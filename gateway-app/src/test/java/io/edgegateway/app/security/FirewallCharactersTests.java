package io.edgegateway.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallCharactersTests {

	@Test
	void headerRulesWhenAnyTextThenSameVerdictsAsSpringSecuritysRegularExpressions() {
		List<String> samples = new ArrayList<>(
				List.of("", "application/json", "Bearer eyJhbGciOi.x-y_z~+/==", "tab\there", "line\nbreak", "nul\u0000",
						"del\u007f", "c1\u0085", "latin-1 \u00e9\u00ff", "\u00a0", "emoji \ud83d\ude00",
						"lone \ud800 surrogate", "unassigned \u0378", "private \ue000", "noncharacter \uffff"));
		SplittableRandom random = new SplittableRandom(13);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				int range = random.nextInt(4);
				int codePoint = (range == 0) ? random.nextInt(0x100) : (range == 1) ? random.nextInt(0x10000)
						: (range == 2) ? random.nextInt(0x20, 0x7f) : random.nextInt(0x110000);
				text.appendCodePoint(codePoint);
			}
			samples.add(text.toString());
		}
		for (String sample : samples) {
			assertThat(FirewallCharacters.isAllowedHeaderName(sample)).as(sample)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(sample));
			assertThat(FirewallCharacters.isAllowedHeaderValue(sample)).as(sample)
				.isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(sample));
		}
		assertThat(FirewallCharacters.isAllowedHeaderValue("tab\there")).isTrue();
		assertThat(FirewallCharacters.isAllowedHeaderName("tab\there")).isFalse();
		assertThat(FirewallCharacters.isAllowedHeaderValue("line\nbreak")).isFalse();
	}

}

package io.edgegateway.filters.identity;

import java.util.List;
import java.util.UUID;

import io.edgegateway.filters.request.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "abc-123", "0af7651916cd43dd8448eb211c80319c", "01HZX3K7Q9:span.1_x" })
	void resolveWhenWellFormedThenKept(String inbound) {
		assertThat(RequestIds.resolve(List.of(inbound))).isEqualTo(inbound);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "-leading-dash", "has space", "semi;colon", "quote\"", "\u00e9t\u00e9" })
	void resolveWhenMalformedThenReplaced(String inbound) {
		assertThat(RequestIds.resolve(List.of(inbound))).isNotEqualTo(inbound).matches("[0-9a-f-]{36}");
	}

	@Test
	void resolveWhenTooLongThenReplaced() {
		String inbound = "a".repeat(129);
		assertThat(RequestIds.resolve(List.of(inbound))).isNotEqualTo(inbound);
		assertThat(RequestIds.resolve(List.of("a".repeat(128)))).isEqualTo("a".repeat(128));
	}

	@Test
	void resolveWhenDuplicatedOrAbsentThenNewIdEachTime() {
		assertThat(RequestIds.resolve(List.of("a", "b"))).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.resolve(null)).isNotEqualTo(RequestIds.resolve(null));
	}

	@Test
	void resolveWhenAbsentThenRandomVersionFourUuid() {
		UUID id = UUID.fromString(RequestIds.resolve(null));
		assertThat(id.version()).isEqualTo(4);
		assertThat(id.variant()).isEqualTo(2);
	}

}

package io.edgegateway.routes.metadata;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Who may call a route, from its metadata: validation refuses an unknown value, the
 * request path treats it as not public.
 */
class RouteAuthTests {

	@Test
	void ofWhenAbsentThenSignedIn() {
		assertThat(RouteAuth.of(Map.of())).isEqualTo(RouteAuth.SIGNED_IN);
		assertThat(RouteAuth.isPublic(Map.of())).isFalse();
	}

	@Test
	void ofWhenPublicThenPublic() {
		assertThat(RouteAuth.of(Map.of("auth", "public"))).isEqualTo(RouteAuth.PUBLIC);
		assertThat(RouteAuth.isPublic(Map.of("auth", "public"))).isTrue();
	}

	@Test
	void ofWhenUnknownThenRefusedNamingTheValueAndNeverPublic() {
		assertThatIllegalArgumentException().isThrownBy(() -> RouteAuth.of(Map.of("auth", "Public")))
			.withMessage("metadata.auth: 'Public' is not known; known: [public] (without it, a route needs a "
					+ "signed-in user)");
		assertThat(RouteAuth.isPublic(Map.of("auth", "Public"))).isFalse();
	}

}

package io.edgegateway.app.explain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.edgegateway.filters.user.IdentityClaimsProperties;
import io.edgegateway.filters.user.SignedInUser;
import io.edgegateway.filters.user.SignedInUserResolver;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClaimsUsersTests {

	private final ClaimsUsers users = new ClaimsUsers(new JwtAuthenticationConverter(),
			SignedInUserResolver.from(new IdentityClaimsProperties()));

	@Test
	void fromWhenClaimsNameAUserThenABearerUserWithTheGatewaysMappingAndScopesAsAuthorities() {
		SignedInUser user = this.users.from(Map.of("sub", "alice", "groups", List.of("staff"), "scope",
				"openid ledger.read", "exp", Instant.parse("2026-12-01T12:00:00Z").getEpochSecond(), "tenant", "t1"))
			.orElseThrow();
		assertThat(user.kind()).isEqualTo(SignedInUser.Kind.BEARER);
		assertThat(user.claims().subject()).isEqualTo("alice");
		assertThat(user.claims().groups()).containsExactly("staff");
		assertThat(user.claims().tenant()).isEqualTo("t1");
		assertThat(user.authentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("SCOPE_openid", "SCOPE_ledger.read");
	}

	@Test
	void fromWhenNoClaimsOrNoUserIdThenNoUser() {
		assertThat(this.users.from(Map.of())).isEmpty();
		assertThat(this.users.from(Map.of("groups", List.of("finance")))).isEmpty();
	}

	@Test
	void fromWhenARegisteredClaimHasTheWrongTypeThenIllegalArgumentNamingTheClaims() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.users.from(Map.of("sub", "alice", "exp", "soon")))
			.withMessageStartingWith("claims: ");
	}

}

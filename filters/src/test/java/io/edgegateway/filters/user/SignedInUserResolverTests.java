package io.edgegateway.filters.user;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedInUserResolverTests {

	private final SignedInUserResolver resolver = SignedInUserResolver.from(new IdentityClaimsProperties());

	@Test
	void resolveWhenOidcLoginThenReadsIdTokenClaims() {
		OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "alice", "name", "Alice", "email", "alice@example.com", "groups", List.of("engineering"),
						"tenant", "t1"));
		OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), idToken),
				List.of(), "idp");
		assertThat(this.resolver.resolve(login)).get().satisfies((user) -> {
			assertThat(user.claims())
				.isEqualTo(new IdentityClaims("alice", "Alice", "alice@example.com", List.of("engineering"), "t1"));
			assertThat(user.kind()).isEqualTo(SignedInUser.Kind.SESSION);
			assertThat(user.authentication()).isSameAs(login);
		});
	}

	@Test
	void resolveWhenBearerJwtWithConfiguredClaimsThenReadsThem() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setGroups("roles");
		names.setTenant("tid");
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "bob")
			.claim("roles", "sales support")
			.claim("tid", "t2")
			.build();
		assertThat(SignedInUserResolver.from(names).resolve(new JwtAuthenticationToken(jwt, List.of()))).get()
			.satisfies((user) -> {
				assertThat(user.claims())
					.isEqualTo(new IdentityClaims("bob", null, null, List.of("sales", "support"), "t2"));
				assertThat(user.kind()).isEqualTo(SignedInUser.Kind.BEARER);
			});
	}

	@Test
	void fromWhenClaimNamesEmptyThenEveryOneNamed() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setUserId("");
		names.setTenant(" ");
		assertThatIllegalArgumentException().isThrownBy(() -> SignedInUserResolver.from(names))
			.withMessageContaining("edge.identity.claims.user-id: a claim name is required")
			.withMessageContaining("edge.identity.claims.tenant: a claim name is required");
	}

	@Test
	void resolveWhenNoSubjectOrNotAuthenticatedThenEmpty() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("email", "x@example.com").build();
		assertThat(this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()))).isEmpty();
		assertThat(this.resolver.resolve(new TestingAuthenticationToken("alice", "pw"))).isEmpty();
		assertThat(this.resolver.resolve(null)).isEmpty();
	}

}

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
				Map.of("iss", "https://idp.example.com", "sub", "alice", "name", "Alice", "email", "alice@example.com",
						"groups", List.of("engineering"), "tenant", "t1"));
		OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(new DefaultOidcUser(List.of(), idToken),
				List.of(), "idp");
		assertThat(this.resolver.resolve(login)).get().satisfies((user) -> {
			assertThat(user.claims()).isEqualTo(new IdentityClaims("alice", "Alice", "alice@example.com",
					List.of("engineering"), "t1", "https://idp.example.com"));
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
					.isEqualTo(new IdentityClaims("bob", null, null, List.of("sales", "support"), "t2", null));
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
	void resolveWhenClaimPathsIntoNestedClaimsThenReadsThem() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setGroups("resource_access.edge-gateway.roles");
		names.setTenant("realm_access.tenant");
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "carol")
			.claim("realm_access", Map.of("roles", List.of("offline_access"), "tenant", "t3"))
			.claim("resource_access", Map.of("edge-gateway", Map.of("roles", List.of("auditor", "viewer"))))
			.build();
		assertThat(SignedInUserResolver.from(names).resolve(new JwtAuthenticationToken(jwt, List.of()))).get()
			.satisfies((user) -> assertThat(user.claims())
				.isEqualTo(new IdentityClaims("carol", null, null, List.of("auditor", "viewer"), "t3", null)));
	}

	@Test
	void resolveWhenClaimNameHasDotsThenTheClaimOfThatNameBeforeAnyPath() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setGroups("https://example.com/groups");
		names.setTenant("org.id");
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "dave")
			.claim("https://example.com/groups", List.of("ops"))
			.claim("org.id", "flat")
			.claim("org", Map.of("id", "nested"))
			.build();
		assertThat(SignedInUserResolver.from(names).resolve(new JwtAuthenticationToken(jwt, List.of()))).get()
			.satisfies((user) -> assertThat(user.claims())
				.isEqualTo(new IdentityClaims("dave", null, null, List.of("ops"), "flat", null)));
	}

	@Test
	void resolveWhenPathLeadsNowhereThenLeftOut() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setGroups("realm_access.roles");
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claim("sub", "erin")
			.claim("realm_access", "not an object")
			.build();
		assertThat(SignedInUserResolver.from(names).resolve(new JwtAuthenticationToken(jwt, List.of()))).get()
			.satisfies((user) -> assertThat(user.claims().groups()).isEmpty());
	}

	@Test
	void fromWhenClaimPathMalformedThenNamedWithItsProperty() {
		IdentityClaimsProperties names = new IdentityClaimsProperties();
		names.setGroups("realm_access..roles");
		names.setTenant("tenant.");
		assertThatIllegalArgumentException().isThrownBy(() -> SignedInUserResolver.from(names))
			.withMessageContaining("edge.identity.claims.groups: 'realm_access..roles' is not a claim path")
			.withMessageContaining("edge.identity.claims.tenant: 'tenant.' is not a claim path");
	}

	@Test
	void resolveWhenNoSubjectOrNotAuthenticatedThenEmpty() {
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("email", "x@example.com").build();
		assertThat(this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()))).isEmpty();
		assertThat(this.resolver.resolve(new TestingAuthenticationToken("alice", "pw"))).isEmpty();
		assertThat(this.resolver.resolve(null)).isEmpty();
	}

}

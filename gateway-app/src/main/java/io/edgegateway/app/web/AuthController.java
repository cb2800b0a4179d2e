package io.edgegateway.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.identity.IdentityClaims;
import io.edgegateway.filters.identity.IdentityClaimsResolver;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /auth/me}: the signed-in user's profile, for a frontend to show who is
 * signed in. Never a token.
 */
@RestController
public class AuthController {

	private final IdentityClaimsResolver claimsResolver;

	public AuthController(IdentityClaimsResolver claimsResolver) {
		this.claimsResolver = claimsResolver;
	}

	@GetMapping("/auth/me")
	public Mono<Map<String, Object>> me(Authentication authentication) {
		IdentityClaims identity = this.claimsResolver.resolve(authentication)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No signed-in user"));
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("subject", identity.subject());
		profile.put("name", identity.name());
		profile.put("email", identity.email());
		profile.put("groups", identity.groups());
		profile.put("tenant", identity.tenant());
		return Mono.just(profile);
	}

}

package io.edgegateway.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.edgegateway.filters.user.IdentityClaims;
import io.edgegateway.filters.user.SignedInUser;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /auth/me}: the signed-in user's profile, for a frontend to show who is
 * signed in. Never a token.
 */
@RestController
public class AuthController {

	@GetMapping("/auth/me")
	public Mono<Map<String, Object>> me(ServerWebExchange exchange) {
		return SignedInUser.of(exchange)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No signed-in user")))
			.map((user) -> {
				IdentityClaims identity = user.claims();
				Map<String, Object> profile = new LinkedHashMap<>();
				profile.put("subject", identity.subject());
				profile.put("name", identity.name());
				profile.put("email", identity.email());
				profile.put("groups", identity.groups());
				profile.put("tenant", identity.tenant());
				return profile;
			});
	}

}

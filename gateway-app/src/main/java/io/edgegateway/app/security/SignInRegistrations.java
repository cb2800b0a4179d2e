package io.edgegateway.app.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.edgegateway.filters.credential.provider.ConfiguredRegistration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.util.StringUtils;

/**
 * The client registrations browsers sign in with: the default
 * ({@code edge.security.login-registration}), those offered on the sign-in page when
 * there are several ({@code edge.security.login-registrations}), and those a host signs
 * in with ({@code edge.security.login-hosts}). Each must be an {@code authorization_code}
 * registration, checked as configured, so the gateway refuses to start with a name that
 * would answer every sign-in with a bare {@code 400}.
 */
public final class SignInRegistrations {

	/**
	 * Where Spring Security starts a registration's sign-in.
	 */
	static final String AUTHORIZATION_PATH = "/oauth2/authorization/";

	private final String defaultId;

	private final Map<String, String> offered;

	private final Map<String, String> byHost;

	private SignInRegistrations(String defaultId, Map<String, String> offered, Map<String, String> byHost) {
		this.defaultId = defaultId;
		this.offered = offered;
		this.byHost = byHost;
	}

	/**
	 * The configured sign-in registrations.
	 * @param properties the gateway's security properties
	 * @param clients Spring Boot's client properties
	 * @return the registrations
	 * @throws IllegalStateException naming every problem
	 */
	static SignInRegistrations from(EdgeSecurityProperties properties, OAuth2ClientProperties clients) {
		List<String> problems = problems(properties, clients);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid sign-in registrations:\n - " + String.join("\n - ", problems));
		}
		Map<String, String> offered = new LinkedHashMap<>();
		for (String id : offeredIds(properties)) {
			String name = clients.getRegistration().get(id).getClientName();
			offered.put(id, StringUtils.hasText(name) ? name : id);
		}
		Map<String, String> byHost = new LinkedHashMap<>();
		properties.getLoginHosts().forEach((host, id) -> byHost.put(host.toLowerCase(Locale.ROOT), id));
		return new SignInRegistrations(properties.getLoginRegistration(), offered, byHost);
	}

	/**
	 * What is wrong with the sign-in registrations, each problem naming its property.
	 * @param properties the gateway's security properties
	 * @param clients Spring Boot's client properties
	 * @return the problems, empty when every one is an authorization-code registration
	 */
	public static List<String> problems(EdgeSecurityProperties properties, OAuth2ClientProperties clients) {
		Map<String, ConfiguredRegistration> registrations = ConfiguredRegistration.from(clients);
		List<String> problems = new ArrayList<>();
		check("edge.security.login-registration", properties.getLoginRegistration(), registrations, problems);
		List<String> listed = properties.getLoginRegistrations();
		for (int i = 0; i < listed.size(); i++) {
			check("edge.security.login-registrations[" + i + "]", listed.get(i), registrations, problems);
		}
		Set<String> offered = offeredIds(properties);
		properties.getLoginHosts().forEach((host, id) -> {
			if (!offered.contains(id)) {
				problems.add("edge.security.login-hosts[" + host + "]: '" + id
						+ "' is not a sign-in registration; offered: " + offered);
			}
		});
		return problems;
	}

	private static void check(String property, String id, Map<String, ConfiguredRegistration> registrations,
			List<String> problems) {
		ConfiguredRegistration registration = registrations.get(id);
		if (registration == null) {
			problems.add(property + ": '" + id + "': no spring.security.oauth2.client.registration." + id
					+ " is configured; configured: " + new TreeSet<>(registrations.keySet()));
		}
		else if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.grantType())) {
			problems.add(property + ": '" + id + "': browsers sign in with an authorization_code registration, and "
					+ id + " is " + registration.grantType().getValue());
		}
	}

	private static Set<String> offeredIds(EdgeSecurityProperties properties) {
		Set<String> ids = new LinkedHashSet<>();
		ids.add(properties.getLoginRegistration());
		ids.addAll(properties.getLoginRegistrations());
		return ids;
	}

	/**
	 * Where a request that needs a user starts signing in: its host's registration, the
	 * sign-in page when several are offered, else the default's.
	 * @param request the request
	 * @return the path
	 */
	String start(ServerHttpRequest request) {
		String id = forHost(request);
		if (id != null) {
			return AUTHORIZATION_PATH + id;
		}
		return (this.offered.size() > 1) ? EdgeAuthenticationEntryPoint.LOGIN_PATH
				: AUTHORIZATION_PATH + this.defaultId;
	}

	/**
	 * The registration a request's host signs in with.
	 * @param request the request
	 * @return the registration id, or {@code null}
	 */
	@Nullable String forHost(ServerHttpRequest request) {
		String host = request.getURI().getHost();
		return (host != null) ? this.byHost.get(host.toLowerCase(Locale.ROOT)) : null;
	}

	/**
	 * The registrations offered, with the names users see.
	 * @return display names by registration id, the default first
	 */
	Map<String, String> offered() {
		return this.offered;
	}

	String defaultId() {
		return this.defaultId;
	}

	/**
	 * Whether users sign in with a registration.
	 * @param id the registration id
	 * @return whether it is offered for sign-in
	 */
	public boolean isOffered(String id) {
		return this.offered.containsKey(id);
	}

}

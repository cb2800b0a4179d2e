package io.edgegateway.idp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo users and their profiles: the one place that both the login
 * ({@code UserDetailsService}) and the token claims read.
 */
public final class DemoUsers {

	/**
	 * Alice, an engineer of tenant {@code t1}.
	 */
	public static final Profile ALICE = new Profile("alice", "alice-password", "Alice Anders", "alice@example.com",
			List.of("engineering"), "t1");

	/**
	 * Bob, a salesperson of tenant {@code t2}.
	 */
	public static final Profile BOB = new Profile("bob", "bob-password", "Bob Berg", "bob@example.com",
			List.of("sales"), "t2");

	private static final List<Profile> ALL = List.of(ALICE, BOB);

	/**
	 * Load-test users {@code load-1} to {@code load-100000}, password
	 * {@code load-password}: groups {@code engineering} and {@code finance}, tenants
	 * {@code t0} to {@code t9}. They let a load test sign in as many distinct users.
	 */
	private static final Pattern LOAD_USER = Pattern.compile("load-([1-9][0-9]{0,4}|100000)");

	/**
	 * The password of every load-test user.
	 */
	public static final String LOAD_USER_PASSWORD = "load-password";

	private DemoUsers() {
	}

	/**
	 * The named demo users (not the load-test users).
	 * @return the profiles
	 */
	public static List<Profile> all() {
		return ALL;
	}

	/**
	 * The profile of the user with the given name.
	 * @param username the login name
	 * @return the profile, or empty if there is no such demo user
	 */
	public static Optional<Profile> find(String username) {
		return ALL.stream()
			.filter((profile) -> profile.username().equals(username))
			.findFirst()
			.or(() -> loadUser(username));
	}

	private static Optional<Profile> loadUser(String username) {
		Matcher matcher = LOAD_USER.matcher(username);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int number = Integer.parseInt(matcher.group(1));
		return Optional.of(new Profile(username, LOAD_USER_PASSWORD, "Load User " + number,
				username + "@load.example.com", List.of("engineering", "finance"), "t" + (number % 10)));
	}

	/**
	 * The profile of the user with the given email address.
	 * @param email the email address
	 * @return the profile, or empty if there is no such demo user
	 */
	public static Optional<Profile> findByEmail(String email) {
		return ALL.stream().filter((profile) -> profile.email().equals(email)).findFirst();
	}

	/**
	 * A demo user's credentials and profile.
	 *
	 * @param username the login name, also the {@code sub} claim
	 * @param password the password, in clear text
	 * @param name the full name
	 * @param email the email address
	 * @param groups the groups
	 * @param tenant the tenant
	 */
	public record Profile(String username, String password, String name, String email, List<String> groups,
			String tenant) {

		/**
		 * The profile claims the authorization server adds to access tokens, ID tokens
		 * and user info.
		 * @return {@code name}, {@code email}, {@code groups} and {@code tenant}
		 */
		public Map<String, Object> claims() {
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("name", this.name);
			claims.put("email", this.email);
			claims.put("groups", this.groups);
			claims.put("tenant", this.tenant);
			return claims;
		}

	}

}

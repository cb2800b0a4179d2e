package io.edgegateway.filters.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Names of the claims the signed-in user's identity is read from (ID token and user info
 * for browser sessions, the JWT for bearer clients), {@code edge.identity.claims.*}.
 *
 * @see SignedInUserResolver
 */
@ConfigurationProperties("edge.identity.claims")
public class IdentityClaimsProperties {

	/**
	 * Claim that holds the user's id. Default {@code sub}.
	 */
	private String userId = "sub";

	/**
	 * Claim that holds the display name, shown by {@code /auth/me}. Default {@code name}.
	 */
	private String name = "name";

	/**
	 * Claim that holds the email address. Default {@code email}.
	 */
	private String email = "email";

	/**
	 * Claim that holds the groups, a list or a space/comma-separated string (e.g.
	 * {@code roles}). Default {@code groups}.
	 */
	private String groups = "groups";

	/**
	 * Claim that holds the tenant (e.g. Entra's {@code tid}). Default {@code tenant}.
	 */
	private String tenant = "tenant";

	public String getUserId() {
		return this.userId;
	}

	public void setUserId(String userId) {
		this.userId = userId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getGroups() {
		return this.groups;
	}

	public void setGroups(String groups) {
		this.groups = groups;
	}

	public String getTenant() {
		return this.tenant;
	}

	public void setTenant(String tenant) {
		this.tenant = tenant;
	}

}

package io.edgegateway.filters.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway-wide settings for the identity headers that upstreams receive: which header
 * carries what, and which inbound headers are removed before the gateway sets its own.
 * Which claim each value is read from is {@code IdentityClaimsProperties}
 * ({@code edge.identity.claims.*}).
 * <p>
 * Its length is JavaBean accessors and the default strip lists, which are documented
 * here.
 *
 * @see IdentityHeaderInjector
 */
@ConfigurationProperties("edge.identity")
public class IdentityProperties {

	/**
	 * Names of the headers the gateway sets on the upstream request.
	 */
	private final Headers headers = new Headers();

	/**
	 * Inbound headers that are removed before the gateway sets its own, in addition to
	 * the configured header names.
	 */
	private final Strip strip = new Strip();

	public Headers getHeaders() {
		return this.headers;
	}

	public Strip getStrip() {
		return this.strip;
	}

	/**
	 * Header names set on the upstream request.
	 */
	public static class Headers {

		/**
		 * Header that carries the user's id (the subject). Default {@code X-User-Id}.
		 */
		private String userId = "X-User-Id";

		/**
		 * Header that carries the user's email address. Default {@code X-User-Email}.
		 */
		private String email = "X-User-Email";

		/**
		 * Header that carries the user's groups, comma-separated. Default
		 * {@code X-User-Groups}.
		 */
		private String groups = "X-User-Groups";

		/**
		 * Header that carries the user's tenant. Default {@code X-Tenant-Id}.
		 */
		private String tenant = "X-Tenant-Id";

		/**
		 * Header that carries the identity provider that signed the user in (its issuer).
		 * Default {@code X-User-Issuer}.
		 */
		private String issuer = "X-User-Issuer";

		/**
		 * Header that carries the request id, inbound, upstream and on the response.
		 * Default {@code X-Request-Id}.
		 */
		private String requestId = "X-Request-Id";

		/**
		 * The most bytes the identity values of one request take together (user id,
		 * email, tenant, issuer, groups; as sent, percent-encoded): groups are cut at a
		 * group to fit and marked with the groups header plus {@code -Truncated}, any
		 * other value that does not fit is left out. Default {@code 4096}, half of the
		 * common 8 KB per-header limit of upstream servers.
		 */
		private int maxValueLength = 4096;

		public String getUserId() {
			return this.userId;
		}

		public void setUserId(String userId) {
			this.userId = userId;
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

		public String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(String issuer) {
			this.issuer = issuer;
		}

		public void setTenant(String tenant) {
			this.tenant = tenant;
		}

		public String getRequestId() {
			return this.requestId;
		}

		public void setRequestId(String requestId) {
			this.requestId = requestId;
		}

		public int getMaxValueLength() {
			return this.maxValueLength;
		}

		public void setMaxValueLength(int maxValueLength) {
			this.maxValueLength = maxValueLength;
		}

	}

	/**
	 * Inbound identity headers that never reach an upstream. Matching ignores case and
	 * treats {@code _} as {@code -}, as many upstream frameworks do.
	 */
	public static class Strip {

		/**
		 * The identity, client-address and routing headers that other proxies set and
		 * upstream frameworks trust, removed unless {@link #isDefaults() defaults} is
		 * turned off.
		 */
		public static final List<String> DEFAULT_NAMES = List.of("X-Forwarded-User", "X-Forwarded-Email",
				"X-Forwarded-Groups", "X-Forwarded-Preferred-Username", "X-Forwarded-Access-Token", "Remote-User",
				"X-Tenant", "X-Email", "X-Username", "X-Authenticated-User", "X-Authenticated-Userid",
				"X-Credential-Identifier", "X-Real-IP", "X-Client-IP", "X-Cluster-Client-IP", "True-Client-IP",
				"Client-IP", "CF-Connecting-IP", "Fastly-Client-IP", "X-Originating-IP", "X-Original-Forwarded-For",
				"X-Original-URL", "X-Original-URI", "X-Rewrite-URL", "X-Original-Host", "X-Host", "X-Forwarded-Server");

		/**
		 * The header name prefixes removed unless {@link #isDefaults() defaults} is
		 * turned off.
		 */
		public static final List<String> DEFAULT_PREFIXES = List.of("X-User-", "X-Tenant-", "X-Auth-Request-",
				"X-Remote-", "X-Consumer-", "X-MS-Client-Principal", "X-Goog-Authenticated-User-", "X-Amzn-Oidc-",
				"Cf-Access-", "X-Pomerium-", "X-WebAuth-");

		/**
		 * Whether the default names and prefixes (docs/configuration.md) are removed, on
		 * top of {@code names} and {@code prefixes}. Default {@code true}.
		 */
		private boolean defaults = true;

		/**
		 * Further exact header names to remove. Default none.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * Further header name prefixes to remove. Default none.
		 */
		private List<String> prefixes = new ArrayList<>();

		public boolean isDefaults() {
			return this.defaults;
		}

		public void setDefaults(boolean defaults) {
			this.defaults = defaults;
		}

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public List<String> getPrefixes() {
			return this.prefixes;
		}

		public void setPrefixes(List<String> prefixes) {
			this.prefixes = prefixes;
		}

	}

}

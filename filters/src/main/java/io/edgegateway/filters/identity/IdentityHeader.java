package io.edgegateway.filters.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An identity header a route may send its upstream, by the name routes write it with
 * ({@code IdentityHeaders}' {@code headers} argument), which is also the name of the
 * {@code edge.identity.headers.*} property that names the header.
 */
public enum IdentityHeader {

	/**
	 * The user's id: always sent to a signed-in user's upstream, named or not.
	 */
	USER_ID("user-id"),

	/**
	 * The user's email address.
	 */
	EMAIL("email"),

	/**
	 * The user's groups.
	 */
	GROUPS("groups"),

	/**
	 * The user's tenant.
	 */
	TENANT("tenant"),

	/**
	 * The identity provider that signed the user in.
	 */
	ISSUER("issuer");

	private final String headerName;

	IdentityHeader(String headerName) {
		this.headerName = headerName;
	}

	/**
	 * The name routes write.
	 * @return the name
	 */
	public String headerName() {
		return this.headerName;
	}

	/**
	 * The identity header of a name, as routes write it.
	 * @param name the name
	 * @return the header, empty when there is none of that name
	 */
	public static Optional<IdentityHeader> named(String name) {
		String lowerCase = name.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((header) -> header.headerName.equals(lowerCase)).findFirst();
	}

	/**
	 * The names routes may write.
	 * @return the names
	 */
	public static List<String> names() {
		return Arrays.stream(values()).map(IdentityHeader::headerName).toList();
	}

}

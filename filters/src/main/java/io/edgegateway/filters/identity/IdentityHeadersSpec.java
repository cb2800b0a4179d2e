package io.edgegateway.filters.identity;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which identity headers a route's upstream receives, resolved once per route from its
 * {@code IdentityHeaders} arguments. The user id and the request id are always sent.
 *
 * @param headers the identity headers sent; always contains
 * {@link IdentityHeader#USER_ID}
 * @param groupsPrefix only groups that start with it are sent; {@code null} for all
 */
public record IdentityHeadersSpec(Set<IdentityHeader> headers, @Nullable String groupsPrefix) {

	/**
	 * What the upstream receives when the route does not choose: every identity header,
	 * every group.
	 */
	public static final IdentityHeadersSpec DEFAULT = new IdentityHeadersSpec(EnumSet.allOf(IdentityHeader.class),
			null);

	public IdentityHeadersSpec {
		Assert.notNull(headers, "headers cannot be null");
		EnumSet<IdentityHeader> sent = EnumSet.of(IdentityHeader.USER_ID);
		sent.addAll(headers);
		headers = Set.copyOf(sent);
	}

	/**
	 * Whether the upstream receives a header.
	 * @param header the header
	 * @return whether it does
	 */
	public boolean sends(IdentityHeader header) {
		return this.headers.contains(header);
	}

	/**
	 * Whether the upstream receives a group.
	 * @param group the group's name
	 * @return whether it does
	 */
	public boolean sendsGroup(String group) {
		return this.groupsPrefix == null || group.startsWith(this.groupsPrefix);
	}

}

package io.edgegateway.filters.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.edgegateway.filters.crypto.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * What makes one minted token different from another: the credential kind, the
 * registration, the subject (or "the gateway" for service accounts), the tenant, the
 * audience, the resource, the sorted scopes and the requested token type. Kept only as a
 * SHA-256 hash, so a key in Redis reveals no subject or email, and two requests share a
 * token only when every part is equal: a token never reaches another user, tenant,
 * audience or scope set.
 *
 * @param hash the hex SHA-256 of the parts
 * @param kind the credential kind, kept in clear for metrics (it names no user)
 * @param owner the hex SHA-256 of the browser session or the user the token belongs to,
 * or {@code null} for the gateway's own tokens; lets a session's or a user's tokens be
 * forgotten together (logout)
 */
public record TokenKey(String hash, TokenKind kind, @Nullable String owner) {

	/**
	 * The subject of tokens that belong to the gateway rather than a user (service
	 * accounts).
	 */
	public static final String GATEWAY = "(gateway)";

	/**
	 * Start a key.
	 * @param kind what the token is
	 * @param registration the registration or service account
	 * @return a builder
	 */
	public static Builder builder(TokenKind kind, @Nullable String registration) {
		return new Builder(kind, registration);
	}

	/**
	 * The owner value of a user's tokens.
	 * @param subject the user's subject
	 * @return the hex SHA-256 of the subject
	 */
	public static String owner(String subject) {
		return Sha256.hex("owner:" + subject);
	}

	/**
	 * The owner value of the tokens minted for one browser session.
	 * @param session the session's token owner, an opaque id
	 * @return the hex SHA-256 of it
	 */
	public static String sessionOwner(String session) {
		return Sha256.hex("session:" + session);
	}

	@Override
	public String toString() {
		return "TokenKey[" + this.kind + ", " + this.hash.substring(0, 12) + "]";
	}

	/**
	 * Builds a {@link TokenKey}.
	 */
	public static final class Builder {

		private final TokenKind kind;

		private final @Nullable String registration;

		private String subject = GATEWAY;

		private @Nullable String tenant;

		private @Nullable String audience;

		private @Nullable String resource;

		private List<String> scopes = List.of();

		private @Nullable String session;

		private final SortedMap<String, String> options = new TreeMap<>();

		private Builder(TokenKind kind, @Nullable String registration) {
			this.kind = kind;
			this.registration = registration;
		}

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public Builder tenant(@Nullable String tenant) {
			this.tenant = tenant;
			return this;
		}

		public Builder audience(@Nullable String audience) {
			this.audience = audience;
			return this;
		}

		public Builder resource(@Nullable String resource) {
			this.resource = resource;
			return this;
		}

		public Builder scopes(List<String> scopes) {
			this.scopes = List.copyOf(new TreeSet<>(scopes));
			return this;
		}

		/**
		 * The browser session the token is minted for: part of the key, so that two
		 * sessions of a user never share a token, and the key's owner, so that a
		 * session's tokens are forgotten with it.
		 * @param session the session's token owner, or {@code null} for a token of the
		 * user's (a bearer client's)
		 * @return this builder
		 */
		public Builder session(@Nullable String session) {
			this.session = session;
			return this;
		}

		/**
		 * Whatever else makes the kind's tokens differ (e.g. the requested and subject
		 * token types, the actor), by name; an absent value is no option.
		 * @param name the option's name
		 * @param value its value, or {@code null}
		 * @return this builder
		 */
		public Builder option(String name, @Nullable Object value) {
			if (value != null) {
				this.options.put(name, value.toString());
			}
			return this;
		}

		public TokenKey build() {
			StringBuilder canonical = new StringBuilder();
			List<@Nullable Object> parts = new ArrayList<>(Arrays.asList(this.kind, this.registration, this.subject,
					this.tenant, this.audience, this.resource, String.join(" ", this.scopes)));
			this.options.forEach((name, value) -> {
				parts.add(name);
				parts.add(value);
			});
			if (this.session != null) {
				parts.add("session");
				parts.add(this.session);
			}
			for (Object part : parts) {
				String text = (part != null) ? part.toString() : "";
				// Length-prefixed, so no choice of values can make two different keys
				// encode alike.
				canonical.append(text.length()).append(':').append(text).append(';');
			}
			return new TokenKey(Sha256.hex(canonical.toString()), this.kind, keyOwner());
		}

		private @Nullable String keyOwner() {
			if (GATEWAY.equals(this.subject)) {
				return null;
			}
			return (this.session != null) ? sessionOwner(this.session) : TokenKey.owner(this.subject);
		}

	}

}

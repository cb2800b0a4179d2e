package io.edgegateway.app.logout;

/**
 * A back-channel logout the gateway refuses, and why: answered {@code 400} with
 * {@code invalid_request} and the reason as {@code error_description}, and nothing
 * changed.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCResponse">OpenID
 * Connect Back-Channel Logout 1.0, section 2.8</a>
 */
final class InvalidLogoutTokenException extends RuntimeException {

	InvalidLogoutTokenException(String description) {
		super(description);
	}

}

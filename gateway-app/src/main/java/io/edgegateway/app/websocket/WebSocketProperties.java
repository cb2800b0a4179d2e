package io.edgegateway.app.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Proxied WebSockets: which other origins may open one with the session cookie, and how
 * long an open socket may go without its session being checked.
 */
@ConfigurationProperties("edge.websocket")
public class WebSocketProperties implements Validator {

	/**
	 * Origins (scheme://host[:port]) besides the gateway's own whose pages may open a
	 * WebSocket with the session cookie. Default none.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * How long a socket opened with the session cookie goes at most without its session
	 * being read again, when no news of a change to it arrives (Redis Cluster, or
	 * {@code edge.session.local-cache.enabled: false}). Default 5 minutes.
	 */
	private Duration sessionCheckInterval = Duration.ofMinutes(5);

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public Duration getSessionCheckInterval() {
		return this.sessionCheckInterval;
	}

	public void setSessionCheckInterval(Duration sessionCheckInterval) {
		this.sessionCheckInterval = sessionCheckInterval;
	}

	@Override
	public boolean supports(Class<?> type) {
		return WebSocketProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		WebSocketProperties properties = (WebSocketProperties) target;
		for (int i = 0; i < properties.getAllowedOrigins().size(); i++) {
			String origin = properties.getAllowedOrigins().get(i);
			if (!isOrigin(origin)) {
				errors.rejectValue("allowedOrigins[" + i + "]", "invalid",
						"'" + origin + "' is not an origin: scheme://host[:port], without a path");
			}
		}
		if (properties.getSessionCheckInterval().isNegative() || properties.getSessionCheckInterval().isZero()) {
			errors.rejectValue("sessionCheckInterval", "invalid", "must be positive");
		}
	}

	private static boolean isOrigin(String origin) {
		try {
			URI uri = new URI(origin);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
					&& uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

}

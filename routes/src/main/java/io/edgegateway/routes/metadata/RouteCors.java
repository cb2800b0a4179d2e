package io.edgegateway.routes.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;

/**
 * A route's CORS policy, from its {@code metadata.cors}, in Spring Cloud Gateway's own
 * keys:
 *
 * <pre>
 * metadata:
 *   cors:
 *     allowedOrigins: [ "https://app.example.com" ]
 *     allowedMethods: [ GET, POST ]
 *     allowedHeaders: [ Content-Type, X-XSRF-TOKEN ]
 *     allowCredentials: true
 *     maxAge: 600
 * </pre>
 *
 * Read strictly, where Spring Cloud Gateway's own reading passes over what it does not
 * know: an unknown key, a value of the wrong type (as configuration properties give every
 * value, {@code "true"} and {@code "600"} are read too), a comma-separated string (one
 * value each), something that is no origin, a policy that allows no origin, and
 * credentials for every origin ({@code '*'}) are each a problem naming the key.
 */
public final class RouteCors {

	/**
	 * The metadata key.
	 */
	public static final String METADATA_KEY = "cors";

	private static final String PREFIX = "metadata." + METADATA_KEY;

	private static final String ALLOWED_ORIGINS = "allowedOrigins";

	private static final String ALLOWED_ORIGIN_PATTERNS = "allowedOriginPatterns";

	private static final String ALLOWED_METHODS = "allowedMethods";

	private static final String ALLOWED_HEADERS = "allowedHeaders";

	private static final String EXPOSED_HEADERS = "exposedHeaders";

	private static final String ALLOW_CREDENTIALS = "allowCredentials";

	private static final String MAX_AGE = "maxAge";

	private static final List<String> KEYS = List.of(ALLOWED_ORIGINS, ALLOWED_ORIGIN_PATTERNS, ALLOWED_METHODS,
			ALLOWED_HEADERS, EXPOSED_HEADERS, ALLOW_CREDENTIALS, MAX_AGE);

	private static final String ALL = CorsConfiguration.ALL;

	/**
	 * {@code scheme://host[:port]}, as a browser sends it in {@code Origin} (a trailing
	 * {@code /} is dropped, as Spring does).
	 */
	private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^/?#\\s]+/?", Pattern.CASE_INSENSITIVE);

	private static final Pattern INDEX = Pattern.compile("[0-9]+");

	private RouteCors() {
	}

	/**
	 * Whether a route declares a CORS policy.
	 * @param metadata the route's metadata
	 * @return whether it has {@code metadata.cors}
	 */
	public static boolean isDeclared(Map<String, Object> metadata) {
		return metadata.get(METADATA_KEY) != null;
	}

	/**
	 * Read a route's CORS policy.
	 * @param metadata the route's metadata
	 * @param problems where each problem with the policy is added, naming its key
	 * @return the policy; {@code null} when the route declares none, or when it has
	 * problems
	 */
	public static @Nullable CorsConfiguration read(Map<String, Object> metadata, List<String> problems) {
		Object declared = metadata.get(METADATA_KEY);
		if (declared == null) {
			return null;
		}
		if (!(declared instanceof Map<?, ?> settings)) {
			problems.add(PREFIX + ": '" + declared + "' is not a map of CORS settings; keys: " + KEYS);
			return null;
		}
		int before = problems.size();
		for (Object key : settings.keySet()) {
			if (!KEYS.contains(key)) {
				problems.add(PREFIX + "." + key + ": unknown; known: " + KEYS);
			}
		}
		List<String> origins = list(settings, ALLOWED_ORIGINS, problems);
		List<String> originPatterns = list(settings, ALLOWED_ORIGIN_PATTERNS, problems);
		Boolean credentials = bool(settings, ALLOW_CREDENTIALS, problems);
		checkOrigins(origins, originPatterns, Boolean.TRUE.equals(credentials), problems);
		CorsConfiguration policy = new CorsConfiguration();
		policy.setAllowedOrigins(origins);
		policy.setAllowedOriginPatterns(originPatterns);
		policy.setAllowedMethods(list(settings, ALLOWED_METHODS, problems));
		policy.setAllowedHeaders(list(settings, ALLOWED_HEADERS, problems));
		policy.setExposedHeaders(list(settings, EXPOSED_HEADERS, problems));
		policy.setAllowCredentials(credentials);
		policy.setMaxAge(seconds(settings, MAX_AGE, problems));
		return (problems.size() == before) ? policy : null;
	}

	private static void checkOrigins(@Nullable List<String> origins, @Nullable List<String> originPatterns,
			boolean credentials, List<String> problems) {
		if (origins == null && originPatterns == null) {
			problems.add(PREFIX + ": " + ALLOWED_ORIGINS + " (or " + ALLOWED_ORIGIN_PATTERNS
					+ ") is required: without it no origin is allowed");
			return;
		}
		if (origins != null) {
			for (String origin : origins) {
				if (!ALL.equals(origin) && !ORIGIN.matcher(origin).matches()) {
					problems.add(PREFIX + "." + ALLOWED_ORIGINS + ": '" + origin
							+ "' is not an origin (scheme://host[:port]) or '*'");
				}
			}
		}
		for (String key : List.of(ALLOWED_ORIGINS, ALLOWED_ORIGIN_PATTERNS)) {
			List<String> values = ALLOWED_ORIGINS.equals(key) ? origins : originPatterns;
			if (credentials && values != null && values.contains(ALL)) {
				problems.add(PREFIX + ": " + ALLOW_CREDENTIALS + " true with " + key
						+ " '*' would let every site send the user's requests and read the answers; "
						+ "list the origins (browsers refuse credentials for '*')");
			}
		}
	}

	private static @Nullable List<String> list(Map<?, ?> settings, String key, List<String> problems) {
		Object value = settings.get(key);
		if (value == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		if (value instanceof String text) {
			for (String item : StringUtils.commaDelimitedListToStringArray(text)) {
				values.add(item.trim());
			}
		}
		else if (value instanceof Collection<?> items) {
			items.forEach((item) -> values.add(String.valueOf(item).trim()));
		}
		else if (value instanceof Map<?, ?> indexed && indexed.keySet().stream().allMatch(RouteCors::isIndex)) {
			// a YAML list, as the binder gives it in a Map<String, Object>: {0=...,
			// 1=...}
			indexed.entrySet()
				.stream()
				.sorted((a, b) -> Integer.compare(index(a.getKey()), index(b.getKey())))
				.forEach((entry) -> values.add(String.valueOf(entry.getValue()).trim()));
		}
		else {
			problems.add(PREFIX + "." + key + ": '" + value + "' is not a list of values");
			return null;
		}
		if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
			problems.add(PREFIX + "." + key + ": '" + value + "' has an empty value");
			return null;
		}
		return values;
	}

	private static @Nullable Boolean bool(Map<?, ?> settings, String key, List<String> problems) {
		Object value = settings.get(key);
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		problems.add(PREFIX + "." + key + ": '" + value + "' is not true or false");
		return null;
	}

	private static @Nullable Long seconds(Map<?, ?> settings, String key, List<String> problems) {
		Object value = settings.get(key);
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).trim();
		if ((value instanceof Integer || value instanceof Long || value instanceof String)
				&& INDEX.matcher(text).matches() && text.length() < 10) {
			return Long.valueOf(text);
		}
		problems.add(PREFIX + "." + key + ": '" + value + "' is not a number of seconds");
		return null;
	}

	private static boolean isIndex(Object key) {
		return INDEX.matcher(String.valueOf(key)).matches();
	}

	private static int index(Object key) {
		return Integer.parseInt(String.valueOf(key));
	}

}

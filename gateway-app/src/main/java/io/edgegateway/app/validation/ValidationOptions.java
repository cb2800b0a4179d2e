package io.edgegateway.app.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.edgegateway.app.explain.ExplainRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator's command line, in any order: {@code --validate <directory>
 * [--config <file>]... [--format text|json] [--explain <request>]}, each option also as
 * {@code --option=value}.
 *
 * @param directory the directory of route files
 * @param configurations the gateway's configuration files, later ones overriding earlier
 * ones
 * @param format how findings are written
 * @param explain a request whose routing decision to explain over the routes that would
 * serve, or {@code null}
 */
record ValidationOptions(Path directory, List<Path> configurations, ReportFormat format,
		@Nullable ExplainRequest explain) {

	static final String VALIDATE = "--validate";

	static final String USAGE = "usage: --validate <route-directory> [--config <gateway-config.yaml>]... "
			+ "[--format text|json] [--explain <request-json>]";

	private static final String CONFIG = "--config";

	private static final String FORMAT = "--format";

	private static final String EXPLAIN = "--explain";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	ValidationOptions {
		configurations = List.copyOf(configurations);
	}

	/**
	 * Whether a command line asks for validation rather than for the gateway to serve.
	 * @param args the command line
	 * @return whether {@code --validate} is anywhere in it
	 */
	static boolean requested(String[] args) {
		for (String arg : args) {
			if (arg.equals(VALIDATE) || arg.startsWith(VALIDATE + "=")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Read a command line.
	 * @param args the command line
	 * @return the options
	 * @throws IllegalArgumentException naming the option that is wrong
	 */
	static ValidationOptions parse(String[] args) {
		Path directory = null;
		List<Path> configurations = new ArrayList<>();
		ReportFormat format = ReportFormat.TEXT;
		ExplainRequest explain = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = (arg.startsWith("--") && arg.contains("=")) ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = (name.length() < arg.length()) ? arg.substring(name.length() + 1) : null;
			if (!name.equals(VALIDATE) && !name.equals(CONFIG) && !name.equals(FORMAT) && !name.equals(EXPLAIN)) {
				throw new IllegalArgumentException("unknown argument '" + arg + "'");
			}
			if (value == null) {
				value = (i + 1 < args.length && !args[i + 1].startsWith("--")) ? args[++i] : null;
			}
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			switch (name) {
				case VALIDATE -> directory = once(directory, Path.of(value));
				case CONFIG -> configurations.add(Path.of(value));
				case EXPLAIN -> explain = explainRequest(value);
				default -> format = ReportFormat.of(value);
			}
		}
		if (directory == null) {
			throw new IllegalArgumentException(VALIDATE + " <route-directory> is required");
		}
		return new ValidationOptions(directory, configurations, format, explain);
	}

	/**
	 * The request of {@code --explain}: one JSON object, as the {@code routeexplain}
	 * endpoint takes its parameters ({@link ExplainRequest}).
	 */
	@SuppressWarnings("unchecked")
	private static ExplainRequest explainRequest(String value) {
		try {
			Map<String, Object> request = JSON.readValue(value, Map.class);
			if (request == null) {
				throw new IllegalArgumentException("a JSON object is expected");
			}
			return ExplainRequest.of(request);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(EXPLAIN + ": not a JSON object: " + ex.getOriginalMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(EXPLAIN + ": " + ex.getMessage());
		}
	}

	private static Path once(@Nullable Path directory, Path value) {
		if (directory != null) {
			throw new IllegalArgumentException(VALIDATE + " is given twice: one route directory per run");
		}
		return value;
	}

}

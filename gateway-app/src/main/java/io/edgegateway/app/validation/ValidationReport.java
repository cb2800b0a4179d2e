package io.edgegateway.app.validation;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.edgegateway.routes.file.RouteFileChecker;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.RouteDefinition;

/**
 * What the validator found: every route file of the directory, whether it would apply,
 * and each problem with the file, the line and the route it concerns where they are
 * known.
 *
 * @param directory the directory, as given
 * @param files the files, in the order the gateway reads them
 */
record ValidationReport(Path directory, List<CheckedFile> files) {

	ValidationReport {
		files = List.copyOf(files);
	}

	/**
	 * The files that would be rejected.
	 * @return their number
	 */
	long rejected() {
		return this.files.stream().filter((file) -> !file.ok()).count();
	}

	/**
	 * The exit code: {@code 0} when every file would apply, {@code 1} otherwise.
	 * @return the code
	 */
	int exitCode() {
		return (rejected() == 0) ? 0 : 1;
	}

	/**
	 * One route file.
	 *
	 * @param file its name as the gateway names it, relative to the directory
	 * @param path its path: the directory as given, then the name
	 * @param routes the ids of the routes it declares
	 * @param problems why it would be rejected; empty when it would apply
	 */
	record CheckedFile(String file, Path path, List<String> routes, List<Problem> problems) {

		CheckedFile {
			routes = List.copyOf(routes);
			problems = List.copyOf(problems);
		}

		/**
		 * A file as the checker found it.
		 * @param file its name
		 * @param path its path
		 * @param text its text, to locate the problems in
		 * @param checked what the checker found
		 * @return the file
		 */
		static CheckedFile of(String file, Path path, String text, RouteFileChecker.Checked checked) {
			RouteFileLines lines = RouteFileLines.of(text);
			return new CheckedFile(file, path, checked.routes().stream().map(RouteDefinition::getId).toList(),
					checked.problems().stream().map((message) -> Problem.of(file, message, lines)).toList());
		}

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * One problem.
	 *
	 * @param file the file's name
	 * @param line the line it concerns, from 1, or {@code null} when not known
	 * @param route the route it concerns, or {@code null} when it concerns the file
	 * @param message the gateway's message, as the live reload logs it
	 */
	record Problem(String file, @Nullable Integer line, @Nullable String route, String message) {

		/**
		 * {@code route 'orders': ...}: what the checker says about one route.
		 */
		private static final Pattern ROUTE = Pattern.compile("route '(.*?)': ");

		/**
		 * {@code routes[2].uri: ...}: what binding says about one entry.
		 */
		private static final Pattern ENTRY = Pattern.compile("routes\\[(\\d+)]");

		private static final String NOT_YAML = "not valid YAML";

		/**
		 * A checker's message, with the route and line it names.
		 * @param file the file's name, which every message starts with
		 * @param message the message
		 * @param lines where the file's routes are
		 * @return the problem
		 */
		static Problem of(String file, String message, RouteFileLines lines) {
			String about = message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
			Matcher route = ROUTE.matcher(about);
			if (route.lookingAt()) {
				return new Problem(file, lines.ofRoute(route.group(1)), route.group(1), message);
			}
			Matcher entry = ENTRY.matcher(about);
			if (entry.lookingAt()) {
				RouteFileLines.Route at = lines.at(Integer.parseInt(entry.group(1)));
				return new Problem(file, (at != null) ? at.line() : null, (at != null) ? at.id() : null, message);
			}
			return new Problem(file, about.startsWith(NOT_YAML) ? lines.syntaxError() : null, null, message);
		}

		/**
		 * The message in the form compilers use, {@code file:line: ...}, which CI systems
		 * link to the line.
		 * @return the message with its line
		 */
		String located() {
			String prefix = this.file + ": ";
			if (this.line == null || !this.message.startsWith(prefix)) {
				return this.message;
			}
			return this.file + ":" + this.line + ": " + this.message.substring(prefix.length());
		}

	}

}

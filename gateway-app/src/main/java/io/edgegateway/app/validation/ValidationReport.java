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
 * @param applied the routes of the files that would apply, as the gateway would serve
 * them
 */
record ValidationReport(Path directory, List<CheckedFile> files, List<RouteDefinition> applied) {

	ValidationReport {
		files = List.copyOf(files);
		applied = List.copyOf(applied);
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
		 * @param checked what the checker found
		 * @return the file
		 */
		static CheckedFile of(String file, Path path, RouteFileChecker.Checked checked) {
			return new CheckedFile(file, path, checked.routes().stream().map(RouteDefinition::getId).toList(),
					checked.problems().stream().map((message) -> Problem.of(file, message)).toList());
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
		 * {@code 12: }: the line the checker names after the file's name.
		 */
		private static final Pattern LINE = Pattern.compile("(\\d+): ");

		/**
		 * {@code route 'orders': ...}: what the checker says about one route.
		 */
		private static final Pattern ROUTE = Pattern.compile("route '(.*?)': ");

		/**
		 * A checker's message ({@code file:line: route 'id': ...}, or {@code file: ...}
		 * for the file as a whole), with the line and route it names.
		 * @param file the file's name, which every message starts with
		 * @param message the message
		 * @return the problem
		 */
		static Problem of(String file, String message) {
			String about = message.startsWith(file + ":") ? message.substring(file.length() + 1) : message;
			Integer line = null;
			Matcher located = LINE.matcher(about);
			if (located.lookingAt()) {
				line = Integer.valueOf(located.group(1));
				about = about.substring(located.end());
			}
			Matcher route = ROUTE.matcher(about.stripLeading());
			return new Problem(file, line, route.lookingAt() ? route.group(1) : null, message);
		}

	}

}

package io.edgegateway.app.validation;

import java.io.PrintStream;
import java.util.Locale;

import io.edgegateway.app.explain.RouteExplanation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the validator writes its findings ({@code --format}): text for people, JSON for CI
 * annotations. docs/routes.md describes both.
 */
enum ReportFormat {

	/**
	 * A line per file ({@code OK} or {@code REJECTED}), a line per problem in the form
	 * {@code file:line: message}, and a summary line.
	 */
	TEXT {

		@Override
		void write(ValidationReport report, @Nullable RouteExplanation explanation, PrintStream out) {
			for (ValidationReport.CheckedFile file : report.files()) {
				if (file.ok()) {
					out.println("OK       " + file.file() + " " + file.routes());
				}
				else {
					out.println("REJECTED " + file.file());
					file.problems().forEach((problem) -> out.println("  - " + problem.message()));
				}
			}
			out.println(report.files().size() + " route files: " + (report.files().size() - report.rejected()) + " OK, "
					+ report.rejected() + " rejected");
			if (explanation != null) {
				out.println("Explained over the routes that would serve: " + explanation.decision().reason());
				out.println(INDENTED.writeValueAsString(explanation));
			}
		}

	},

	/**
	 * One JSON document: {@code directory}, {@code files} (each with {@code file},
	 * {@code path}, {@code state}, {@code routes} and {@code problems}, each problem with
	 * {@code file}, {@code line} and {@code route} where known, and {@code message}) and
	 * a {@code summary}.
	 */
	JSON {

		@Override
		void write(ValidationReport report, @Nullable RouteExplanation explanation, PrintStream out) {
			ObjectNode document = INDENTED.createObjectNode();
			document.put("directory", report.directory().toString());
			ArrayNode files = document.putArray("files");
			int problems = 0;
			for (ValidationReport.CheckedFile file : report.files()) {
				ObjectNode node = files.addObject();
				node.put("file", file.file());
				node.put("path", file.path().toString());
				node.put("state", file.ok() ? "ok" : "rejected");
				file.routes().forEach(node.putArray("routes")::add);
				ArrayNode problemNodes = node.putArray("problems");
				for (ValidationReport.Problem problem : file.problems()) {
					ObjectNode problemNode = problemNodes.addObject();
					problemNode.put("file", problem.file());
					if (problem.line() != null) {
						problemNode.put("line", problem.line());
					}
					if (problem.route() != null) {
						problemNode.put("route", problem.route());
					}
					problemNode.put("message", problem.message());
					problems++;
				}
			}
			ObjectNode summary = document.putObject("summary");
			summary.put("files", report.files().size());
			summary.put("ok", report.files().size() - report.rejected());
			summary.put("rejected", report.rejected());
			summary.put("problems", problems);
			if (explanation != null) {
				document.set("explanation", INDENTED.valueToTree(explanation));
			}
			out.println(INDENTED.writeValueAsString(document));
		}

	};

	private static final JsonMapper INDENTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * Write a report.
	 * @param report the findings
	 * @param explanation the explanation of {@code --explain}, or {@code null}
	 * @param out where to
	 */
	abstract void write(ValidationReport report, @Nullable RouteExplanation explanation, PrintStream out);

	/**
	 * The format a {@code --format} value names.
	 * @param name {@code text} or {@code json}
	 * @return the format
	 * @throws IllegalArgumentException if it names none
	 */
	static ReportFormat of(String name) {
		for (ReportFormat format : values()) {
			if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
				return format;
			}
		}
		throw new IllegalArgumentException("--format: '" + name + "' is not one of text, json");
	}

}

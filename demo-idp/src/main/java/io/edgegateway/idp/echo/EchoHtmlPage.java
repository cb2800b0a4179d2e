package io.edgegateway.idp.echo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

/**
 * Renders what the echo upstream received as a small readable HTML page: the identity
 * headers (those the gateway adds about the user and the request) in one table, all other
 * headers in another, the bearer token's claims and the body. Everything received is
 * HTML-escaped.
 */
final class EchoHtmlPage {

	private static final String TITLE = "Edge Gateway demo — what the upstream received";

	private static final List<String> IDENTITY_HEADER_PREFIXES = List.of("x-user-", "x-tenant-", "x-request-id");

	private EchoHtmlPage() {
	}

	/**
	 * Renders the page.
	 * @param request what was received
	 * @param prettyJson writes the token claims as indented JSON
	 * @return the HTML document
	 */
	static String render(ReceivedRequest request, Function<Object, String> prettyJson) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(TITLE))
			.append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
			.append("pre{background:#f4f4f4;padding:1em}</style>\n</head>\n<body>\n<h1>")
			.append(escape(TITLE))
			.append("</h1>\n<p><code>")
			.append(escape(request.method()))
			.append(' ')
			.append(escape(requestTarget(request)))
			.append("</code></p>\n");
		appendHeaderTable(html, "Identity headers", request.headers(), true);
		appendHeaderTable(html, "Other headers", request.headers(), false);
		html.append("<h2>Bearer token claims</h2>\n");
		if (request.token() != null) {
			html.append("<pre>").append(escape(prettyJson.apply(request.token()))).append("</pre>\n");
		}
		else {
			html.append("<p>No bearer token.</p>\n");
		}
		html.append("<h2>Body</h2>\n<pre>").append(escape(request.body())).append("</pre>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void appendHeaderTable(StringBuilder html, String heading, Map<String, List<String>> headers,
			boolean identity) {
		html.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n<tr><th>Header</th><th>Value</th></tr>\n");
		headers.forEach((name, values) -> {
			if (isIdentityHeader(name) == identity) {
				for (String value : values) {
					html.append("<tr><td>")
						.append(escape(name))
						.append("</td><td>")
						.append(escape(value))
						.append("</td></tr>\n");
				}
			}
		});
		html.append("</table>\n");
	}

	private static boolean isIdentityHeader(String name) {
		String lowerCaseName = name.toLowerCase(Locale.ROOT);
		return IDENTITY_HEADER_PREFIXES.stream().anyMatch(lowerCaseName::startsWith);
	}

	private static String requestTarget(ReceivedRequest request) {
		return (request.query() != null) ? request.path() + "?" + request.query() : request.path();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}

package io.edgegateway.app.hostile;

import java.util.List;
import java.util.stream.Stream;

import io.edgegateway.app.support.Echo;
import io.edgegateway.app.support.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.edgegateway.app.hostile.Requests.get;
import static io.edgegateway.app.hostile.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no well-behaved client sends: header injection (CR, LF, NUL, invalid names,
 * obs-fold), request smuggling (the request's end made ambiguous, so that a second
 * request hides in the first one's body) and oversized heads. Each is refused, or served
 * as exactly the one request it is; the echo upstream's request count shows that no
 * smuggled request ever reached it.
 */
class MalformedRequestsIntegrationTests {

	private static HostileGateway hostile;

	private static String bearer;

	@BeforeAll
	static void start() {
		hostile = HostileGateway.get();
		bearer = hostile.bearerToken("carol");
	}

	static Stream<Arguments> headerInjections() {
		return Stream.of(Arguments.of("carriage return inside a value", "X-Test: a\rX-User-Id: mallory"),
				Arguments.of("bare line feed inside a value", "X-Test: a\nX-User-Id: mallory"),
				Arguments.of("NUL inside a value", "X-User-Note: a\0X-User-Id: mallory"),
				Arguments.of("space inside a name", "X User-Id: mallory"),
				Arguments.of("separator inside a name", "X-User(Id): mallory"),
				Arguments.of("space before the colon", "X-User-Id : mallory"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headerInjections")
	void headerInjectionThen400AndNothingReachesTheUpstream(String attack, String header) {
		int before = hostile.upstream().received();
		RawHttp.Response response = hostile.raw().send(get("/api/injection", auth(), header));
		assertThat(response.status()).as(attack).isEqualTo(400);
		assertThat(hostile.upstream().received()).as(attack).isEqualTo(before);
	}

	@Test
	void obsFoldedHeaderThenTheFoldIsPartOfTheValueAndCreatesNoHeader() {
		Echo echo = hostile.raw().send(get("/api/fold", auth(), "X-Note: a", " X-User-Id: mallory")).echo();
		assertThat(echo.header("X-User-Id")).containsExactly("carol");
		assertThat(echo.headers().values())
			.noneMatch((values) -> values.stream().anyMatch((value) -> value.equals("mallory")));
	}

	static Stream<Arguments> smuggling() {
		String smuggled = request("GET /api/smuggled HTTP/1.1", "Authorization: Bearer " + "%s");
		return Stream.of(
				Arguments.of("Content-Length and Transfer-Encoding (CL.TE)", "POST /api/cl-te HTTP/1.1",
						List.of("Content-Length: 4", "Transfer-Encoding: chunked"), "0\r\n\r\n" + smuggled),
				Arguments.of("Transfer-Encoding and Content-Length (TE.CL)", "POST /api/te-cl HTTP/1.1",
						List.of("Transfer-Encoding: chunked", "Content-Length: 60"), "0\r\n\r\n" + smuggled),
				Arguments.of("two different Content-Lengths", "POST /api/duplicate-cl HTTP/1.1",
						List.of("Content-Length: 0", "Content-Length: 200"), smuggled),
				Arguments.of("Transfer-Encoding: chunked, identity", "POST /api/te-list HTTP/1.1",
						List.of("Transfer-Encoding: chunked, identity"), "0\r\n\r\n" + smuggled),
				Arguments.of("Transfer-Encoding with a space before the colon", "POST /api/te-space HTTP/1.1",
						List.of("Transfer-Encoding : chunked"), "0\r\n\r\n" + smuggled),
				Arguments.of("HTTP/1.0 with chunked", "POST /api/http10 HTTP/1.0",
						List.of("Transfer-Encoding: chunked"), "0\r\n\r\n" + smuggled),
				Arguments.of("Transfer-Encoding: xchunked", "POST /api/xchunked HTTP/1.1",
						List.of("Transfer-Encoding: xchunked"), "0\r\n\r\n" + smuggled));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("smuggling")
	void ambiguousRequestEndThenTheHiddenRequestNeverReachesTheUpstream(String attack, String requestLine,
			List<String> framing, String body) {
		int before = hostile.upstream().received();
		String[] headers = new String[framing.size() + 1];
		headers[0] = auth();
		for (int i = 0; i < framing.size(); i++) {
			headers[i + 1] = framing.get(i);
		}
		List<RawHttp.Response> responses = hostile.raw()
			.sendAll(request(requestLine, headers) + body.formatted(bearer), 2);
		assertThat(responses).as(attack).isNotEmpty();
		assertThat(responses).as(attack)
			.noneMatch((response) -> response.status() == 200 && response.body().contains("/api/smuggled"));
		assertThat(hostile.upstream().received() - before).as(attack).isLessThanOrEqualTo(1);
	}

	@Test
	void headerOverTheSizeLimitThen431AndNothingReachesTheUpstream() {
		int before = hostile.upstream().received();
		RawHttp.Response response = hostile.raw().send(get("/api/big", auth(), "X-Big: " + "a".repeat(20_000)));
		assertThat(response.status()).isEqualTo(431);
		assertThat(hostile.upstream().received()).isEqualTo(before);
	}

	@Test
	void requestTargetOverTheSizeLimitThen414() {
		RawHttp.Response response = hostile.raw().send(get("/api/" + "a".repeat(10_000), auth()));
		assertThat(response.status()).isEqualTo(414);
	}

	@Test
	void manyHeadersTheUpstreamRefusesThen502ProblemNever500() {
		String[] headers = new String[401];
		headers[0] = auth();
		for (int i = 1; i < headers.length; i++) {
			headers[i] = "X-Many-" + i + ": v";
		}
		RawHttp.Response response = hostile.raw().send(get("/api/many", headers));
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).contains("\"route\":\"relay\"");
	}

	private static String auth() {
		return "Authorization: Bearer " + bearer;
	}

}

package io.edgegateway.keycloak;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.edgegateway.app.support.TestBrowser;

/**
 * A scripted browser over real HTTP, as {@link TestBrowser} (keeps cookies, follows no
 * redirect on its own), whose cookie jar treats loopback origins as secure contexts, as
 * Chrome and Firefox do: Keycloak marks its login cookies {@code Secure} even over plain
 * HTTP, and a browser sends them back to {@code http://127.0.0.1}, which the JDK's
 * {@link CookieManager} alone would not.
 */
public final class Browser {

	private final CookieManager cookies = new LoopbackSecureCookies();

	/**
	 * HTTP/1.1, as browsers speak to a plain-HTTP origin.
	 */
	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * {@code GET} a URL.
	 * @param url the URL
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	public HttpResponse<String> get(String url, String... headers) {
		return send(request(url, headers).GET());
	}

	/**
	 * A top-level navigation, as a browser makes it.
	 * @param url the URL
	 * @return the response
	 */
	public HttpResponse<String> navigate(String url) {
		return get(url, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8", "Sec-Fetch-Mode", "navigate");
	}

	/**
	 * {@code POST} a form.
	 * @param url the URL
	 * @param form the url-encoded form body
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	public HttpResponse<String> post(String url, String form, String... headers) {
		return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/**
	 * Follow redirects, as a browser navigation does, until a response that is not one.
	 * @param response the first response
	 * @return the final response
	 */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hops = 0; TestBrowser.isRedirect(current) && hops < 20; hops++) {
			current = navigate(TestBrowser.location(current).toString());
		}
		return current;
	}

	/**
	 * The value of a cookie this browser holds.
	 * @param name the cookie name
	 * @return the value, if held
	 */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpRequest.Builder request(String url, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	/**
	 * Cookies whose {@code Secure} flag is honoured on loopback origins over HTTP too:
	 * such an origin is "potentially trustworthy" (W3C Secure Contexts, section 3.2).
	 */
	private static final class LoopbackSecureCookies extends CookieManager {

		LoopbackSecureCookies() {
			super(null, CookiePolicy.ACCEPT_ALL);
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
			return super.get(isLoopbackHttp(uri) ? withScheme(uri, "https") : uri, requestHeaders);
		}

		private static boolean isLoopbackHttp(URI uri) {
			try {
				return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
						&& InetAddress.getByName(uri.getHost()).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}

		private static URI withScheme(URI uri, String scheme) {
			return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
		}

	}

}

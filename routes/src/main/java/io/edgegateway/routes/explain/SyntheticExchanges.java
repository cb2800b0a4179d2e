package io.edgegateway.routes.explain;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the exchange a described request would be, for route predicates to test: a real
 * {@link DefaultServerWebExchange} over a request that was never received (no connection,
 * no body) and a response nothing is written to.
 */
final class SyntheticExchanges {

	private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();

	private final DefaultWebSessionManager sessions = new DefaultWebSessionManager();

	private final AcceptHeaderLocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

	/**
	 * A fresh exchange for a request.
	 * @param request the request
	 * @return the exchange
	 * @throws IllegalArgumentException if the path or host do not make a request URI
	 */
	ServerWebExchange create(RequestDescription request) {
		return new DefaultServerWebExchange(new Request(request, uri(request)), new Response(), this.sessions,
				this.codecs, this.locales);
	}

	/**
	 * The request's URI, its path and query as sent (already percent-encoded).
	 * @throws IllegalArgumentException if they are not
	 */
	static URI uri(RequestDescription request) {
		String host = (request.host() != null) ? request.host() : "localhost";
		return UriComponentsBuilder.fromUriString("http://" + host + request.path()).build(true).toUri();
	}

	private static final class Request extends AbstractServerHttpRequest {

		Request(RequestDescription request, URI uri) {
			super(request.method(), uri, null, headers(request));
		}

		private static HttpHeaders headers(RequestDescription request) {
			HttpHeaders headers = new HttpHeaders();
			request.headers().forEach(headers::addAll);
			if (request.host() != null) {
				headers.set(HttpHeaders.HOST, request.host());
			}
			return headers;
		}

		@Override
		protected MultiValueMap<String, HttpCookie> initCookies() {
			MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
			for (String header : getHeaders().getOrEmpty(HttpHeaders.COOKIE)) {
				for (String pair : header.split(";")) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						String name = pair.substring(0, equals).trim();
						cookies.add(name, new HttpCookie(name, pair.substring(equals + 1).trim()));
					}
				}
			}
			return cookies;
		}

		@Override
		protected @Nullable SslInfo initSslInfo() {
			return null;
		}

		@Override
		public <T> T getNativeRequest() {
			throw new IllegalStateException("A described request has no native request");
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.empty();
		}

	}

	private static final class Response extends AbstractServerHttpResponse {

		Response() {
			super(DefaultDataBufferFactory.sharedInstance);
		}

		@Override
		public <T> T getNativeResponse() {
			throw new IllegalStateException("A described request has no native response");
		}

		@Override
		protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
			return Flux.from(body).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return Flux.from(body).concatMap(this::writeWithInternal).then();
		}

		@Override
		protected void applyStatusCode() {
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

}

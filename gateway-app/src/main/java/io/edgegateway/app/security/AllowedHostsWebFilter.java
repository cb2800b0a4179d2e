package io.edgegateway.app.security;

import java.net.URI;
import java.util.List;

import io.edgegateway.app.web.ProblemResponses;
import io.edgegateway.filters.request.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers {@code 400} to a request on the public port whose host is not one of
 * {@code edge.security.allowed-hosts}, or that names more than one {@code Host} (RFC 9112
 * section 3.2), before anything builds a URL from it: without a public base URL, the
 * login's {@code redirect_uri} and the logout's {@code post_logout_redirect_uri} are
 * built from the request's own address. The management port is left to the network it is
 * reachable from.
 */
final class AllowedHostsWebFilter extends PublicPortWebFilter implements Ordered {

	private final AllowedHosts hosts;

	private final ProblemResponses problems;

	AllowedHostsWebFilter(List<String> hosts, ManagementPortMatcher managementPort, ProblemResponses problems) {
		super(managementPort);
		this.hosts = new AllowedHosts(hosts);
		this.problems = problems;
	}

	@Override
	protected Mono<Void> filterPublic(ServerWebExchange exchange, WebFilterChain chain) {
		List<String> hostHeaders = exchange.getRequest().getHeaders().get(HttpHeaders.HOST);
		if (hostHeaders != null && hostHeaders.size() > 1) {
			return badRequest(exchange, "A request names one Host, not " + hostHeaders.size());
		}
		URI uri = exchange.getRequest().getURI();
		if (!this.hosts.allows(uri)) {
			return badRequest(exchange,
					"Host '" + uri.getHost() + "' is not one this gateway serves (edge.security.allowed-hosts)");
		}
		return chain.filter(exchange);
	}

	private Mono<Void> badRequest(ServerWebExchange exchange, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Bad Request");
		return this.problems.write(exchange, problem);
	}

	/**
	 * Right after the request id is assigned, so the answer carries one, and before
	 * Spring Security.
	 */
	@Override
	public int getOrder() {
		return RequestIdWebFilter.ORDER + 1;
	}

}

package io.edgegateway.app.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Edge security settings: how the gateway knows its own address, which proxies it trusts,
 * and which client registration browsers sign in with.
 */
@ConfigurationProperties("edge.security")
public class EdgeSecurityProperties {

	/**
	 * The gateway's public base URL (e.g. {@code https://gateway.example.com}). When set,
	 * redirect URIs and every redirect the gateway builds use it, whatever {@code Host}
	 * or forwarded headers a request carries. Default none: the request's own address
	 * (forwarded headers honoured from trusted proxies only).
	 */
	private @Nullable URI publicBaseUrl;

	/**
	 * Addresses or CIDR ranges of proxies whose {@code Forwarded} / {@code X-Forwarded-*}
	 * headers are honoured; such headers from anyone else are removed. Default none.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * Client registration ({@code spring.security.oauth2.client.registration.*}) that
	 * browsers sign in with. Default {@code idp}.
	 */
	private String loginRegistration = "idp";

	public @Nullable URI getPublicBaseUrl() {
		return this.publicBaseUrl;
	}

	public void setPublicBaseUrl(@Nullable URI publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public String getLoginRegistration() {
		return this.loginRegistration;
	}

	public void setLoginRegistration(String loginRegistration) {
		this.loginRegistration = loginRegistration;
	}

}

package io.edgegateway.app.bearer;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * How a verified token becomes the request's authentication, with Spring Boot's
 * properties ({@code authority-prefix}, {@code authorities-claim-name},
 * {@code authorities-claim-delimiter}, {@code principal-claim-name}): one reading for the
 * gateway's bearer filter and for whatever reads claims as the gateway does (the offline
 * explanation of a routing decision).
 */
public final class JwtAuthenticationConverters {

	private JwtAuthenticationConverters() {
	}

	/**
	 * The converter the properties describe.
	 * @param resourceServer Spring Boot's resource server properties
	 * @return the converter
	 */
	public static JwtAuthenticationConverter of(OAuth2ResourceServerProperties resourceServer) {
		OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		PropertyMapper map = PropertyMapper.get();
		map.from(jwt.getAuthorityPrefix()).to(authorities::setAuthorityPrefix);
		map.from(jwt.getAuthoritiesClaimDelimiter()).to(authorities::setAuthoritiesClaimDelimiter);
		map.from(jwt.getAuthoritiesClaimName()).to(authorities::setAuthoritiesClaimName);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		map.from(jwt.getPrincipalClaimName()).to(converter::setPrincipalClaimName);
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

}

package io.edgegateway.app.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.edgegateway.app.support.RecordingPort;

/**
 * What a team's CI validates: the gateway's configuration as the platform team hands it
 * out (client registrations, keys and Redis by name, secrets as placeholders nobody sets,
 * the provider and Redis at a port that records every connection), and route files of two
 * teams.
 */
final class TeamRoutes {

	static final String ORDERS = """
			routes:
			  - id: orders
			    uri: http://orders.internal:8080
			    predicates: [ "Path=/api/orders/**" ]
			    filters:
			      - name: TokenExchange
			        args: { registration: idp-exchange, audience: orders-api }
			  - id: orders-reports
			    uri: http://reports.internal:8080
			    predicates: [ "Path=/api/orders/reports/**" ]
			    filters:
			      - name: ServiceAccount
			        args: { registration: reports-sa, scope: reports.read }
			""";

	static final String SHOP_WEB = """
			routes:
			  - id: shop
			    uri: http://shop.internal
			    predicates: [ "Host=shop.example.com", "Path=/shop/**" ]
			    filters: [ TokenRelay ]
			""";

	/**
	 * A TokenExchange on the sign-in registration (issue 15, item 6), and a route outside
	 * the team's grant, over another team's route.
	 */
	static final String SHOP_BROKEN = """
			routes:
			  - id: shop-admin
			    uri: http://shop-admin.internal
			    predicates: [ "Host=shop.example.com", "Path=/shop/admin/**" ]
			    filters:
			      - name: TokenExchange
			        args: { registration: idp, audience: shop-admin }
			  - id: shop-orders
			    uri: http://shop.internal
			    predicates: [ "Host=shop.example.com", "Path=/api/orders/list/**" ]
			    filters: [ TokenRelay ]
			""";

	private TeamRoutes() {
	}

	/**
	 * The gateway's configuration.
	 * @param network where the provider and Redis are said to be
	 * @return the YAML text
	 */
	static String gatewayConfiguration(RecordingPort network) {
		return """
				spring:
				  security:
				    oauth2:
				      client:
				        registration:
				          idp:
				            client-id: edge-gateway
				            client-secret: ${IDP_CLIENT_SECRET}
				            authorization-grant-type: authorization_code
				          idp-exchange:
				            provider: idp
				            client-id: edge-gateway
				            client-secret: ${IDP_CLIENT_SECRET}
				            authorization-grant-type: urn:ietf:params:oauth:grant-type:token-exchange
				          reports-sa:
				            provider: idp
				            client-id: reports-sa
				            client-authentication-method: private_key_jwt
				            authorization-grant-type: client_credentials
				        provider:
				          idp:
				            issuer-uri: %1$s
				      resourceserver:
				        jwt:
				          issuer-uri: %1$s
				  data:
				    redis:
				      url: %2$s
				      password: ${REDIS_PASSWORD}
				  cloud:
				    gateway:
				      server:
				        webflux:
				          routes:
				            - id: platform-portal
				              uri: http://portal.internal
				              predicates: [ "Path=/portal/**" ]
				              filters: [ TokenRelay ]
				edge:
				  security:
				    public-base-url: https://gateway.example.com
				  session:
				    encryption:
				      active-key: "2026-11"
				  credentials:
				    client-keys:
				      reports-sa:
				        private-key-file: /etc/edge-gateway/keys/reports-sa.pem
				        key-id: reports-sa-2026-11
				  routes:
				    directory: /etc/edge-gateway/routes
				    teams:
				      orders:
				        files: [ orders.yaml ]
				        paths: [ /api/orders ]
				      shop:
				        files: [ shop/ ]
				        paths: [ /shop ]
				        hosts: [ shop.example.com ]
				""".formatted(network.url("/realms/corp"), "redis://127.0.0.1:" + network.port());
	}

	static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

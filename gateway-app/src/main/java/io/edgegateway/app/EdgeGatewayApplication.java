package io.edgegateway.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Edge Gateway: an identity-aware edge proxy on Spring Cloud Gateway.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(EdgeGatewayApplication.class, args);
	}

}

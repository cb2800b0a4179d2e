package io.edgegateway.app;

import io.edgegateway.app.validation.RouteValidationCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Edge Gateway: an identity-aware edge proxy on Spring Cloud Gateway. With
 * {@code --validate <directory>} anywhere on its command line it checks route files and
 * exits instead of serving ({@link RouteValidationCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeGatewayApplication {

	public static void main(String[] args) {
		if (RouteValidationCommand.requested(args)) {
			System.exit(RouteValidationCommand.runAsProcess(args));
		}
		SpringApplication.run(EdgeGatewayApplication.class, args);
	}

}

package io.edgegateway.app;

import java.nio.file.Path;
import java.util.Arrays;

import io.edgegateway.app.routes.RouteValidationCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Edge Gateway: an identity-aware edge proxy on Spring Cloud Gateway. With
 * {@code --validate <directory>} it checks route files instead of serving
 * ({@link RouteValidationCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeGatewayApplication {

	public static void main(String[] args) {
		if (args.length >= 2 && RouteValidationCommand.OPTION.equals(args[0])) {
			System.exit(RouteValidationCommand.validate(EdgeGatewayApplication.class, Path.of(args[1]), System.out,
					Arrays.copyOfRange(args, 2, args.length)));
		}
		SpringApplication.run(EdgeGatewayApplication.class, args);
	}

}

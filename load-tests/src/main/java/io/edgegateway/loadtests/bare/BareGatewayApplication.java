package io.edgegateway.loadtests.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the side-by-side benchmark: Spring Cloud Gateway with one route to the
 * upstream and no filters, no security, no sessions. What the edge gateway costs is
 * measured against it.
 */
@SpringBootApplication
public class BareGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareGatewayApplication.class, args);
	}

}

package io.edgegateway.app.routes;

import io.edgegateway.routes.file.RouteFilesLocator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With a route directory configured: the {@code routefiles} actuator endpoint, and the
 * gauge {@code edge.routes.files} (tag {@code state} = applied|rejected) an alert can
 * watch.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("edge.routes.directory")
class RouteFilesConfiguration {

	@Bean
	RouteFilesEndpoint routeFilesEndpoint(RouteFilesLocator files) {
		return new RouteFilesEndpoint(files);
	}

	@Bean
	Gauge rejectedRouteFiles(RouteFilesLocator files, MeterRegistry registry) {
		Gauge.builder("edge.routes.files", files,
				(locator) -> locator.files().values().stream().filter((state) -> state.problems().isEmpty()).count())
			.tag("state", "applied")
			.register(registry);
		return Gauge.builder("edge.routes.files", files,
				(locator) -> locator.files().values().stream().filter((state) -> !state.problems().isEmpty()).count())
			.tag("state", "rejected")
			.register(registry);
	}

}

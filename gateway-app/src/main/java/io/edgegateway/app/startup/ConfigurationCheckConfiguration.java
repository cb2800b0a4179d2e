package io.edgegateway.app.startup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the {@link ConfigurationCheck}, which runs before any other bean is created.
 */
@Configuration(proxyBeanMethods = false)
class ConfigurationCheckConfiguration {

	@Bean
	static ConfigurationCheck configurationCheck(Environment environment) {
		return new ConfigurationCheck(environment);
	}

}

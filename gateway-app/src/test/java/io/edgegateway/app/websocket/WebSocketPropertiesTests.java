package io.edgegateway.app.websocket;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code edge.websocket.*} refuses what it cannot use, naming the property.
 */
class WebSocketPropertiesTests {

	@Test
	void validateWhenDefaultsThenNoErrors() {
		assertThat(errors(new WebSocketProperties())).isEmpty();
	}

	@Test
	void validateWhenAnOriginHasAPathOrNoSchemeAndTheIntervalIsZeroThenEachNamed() {
		WebSocketProperties properties = new WebSocketProperties();
		properties.setAllowedOrigins(List.of("https://app.example.com", "https://app.example.com/", "app.example.com",
				"ftp://files.example.com"));
		properties.setSessionCheckInterval(Duration.ZERO);
		assertThat(errors(properties)).extracting(FieldError::getField, FieldError::getDefaultMessage)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("allowedOrigins[1]",
							"'https://app.example.com/' is not an origin: scheme://host[:port], without a path"),
					org.assertj.core.groups.Tuple.tuple("allowedOrigins[2]",
							"'app.example.com' is not an origin: scheme://host[:port], without a path"),
					org.assertj.core.groups.Tuple.tuple("allowedOrigins[3]",
							"'ftp://files.example.com' is not an origin: scheme://host[:port], without a path"),
					org.assertj.core.groups.Tuple.tuple("sessionCheckInterval", "must be positive"));
	}

	private static List<FieldError> errors(WebSocketProperties properties) {
		Errors errors = new BeanPropertyBindingResult(properties, "edge.websocket");
		properties.validate(properties, errors);
		return errors.getFieldErrors();
	}

}

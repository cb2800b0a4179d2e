package io.edgegateway.app.websocket;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.reactive.socket.server.WebSocketService;

/**
 * Proxied WebSockets: Spring Cloud Gateway's handshakes, with each socket watched until
 * what opened it ends, and the handshake's origin checked.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	@Bean
	OpenWebSockets openWebSockets(ReactiveSessionRepository<?> sessions, Clock clock, WebSocketProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		return new OpenWebSockets(sessions, clock, properties.getSessionCheckInterval(), meters.getIfAvailable());
	}

	/**
	 * The handshake service of Spring Cloud Gateway's {@code WebsocketRoutingFilter}
	 * (which takes the primary one), wrapped.
	 */
	@Bean
	@Primary
	OwnedWebSocketService ownedWebSocketService(@Qualifier("webSocketService") WebSocketService handshakes,
			OpenWebSockets sockets) {
		return new OwnedWebSocketService(handshakes, sockets);
	}

	@Bean
	WebSocketOriginFilter webSocketOriginFilter(WebSocketProperties properties) {
		return new WebSocketOriginFilter(new AllowedOrigins(properties.getAllowedOrigins()));
	}

}

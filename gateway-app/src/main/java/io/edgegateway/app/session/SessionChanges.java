package io.edgegateway.app.session;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Passes the news of changed sessions to every {@link SessionChangeListener}, looked up
 * when the first news arrives: the listeners may themselves read sessions, so they cannot
 * be created before the session repository.
 */
final class SessionChanges {

	private final SingletonSupplier<List<SessionChangeListener>> listeners;

	SessionChanges(ObjectProvider<SessionChangeListener> listeners) {
		this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
	}

	void changed(String sessionId) {
		for (SessionChangeListener listener : this.listeners.obtain()) {
			listener.changed(sessionId);
		}
	}

	void anyMayHaveChanged() {
		for (SessionChangeListener listener : this.listeners.obtain()) {
			listener.anyMayHaveChanged();
		}
	}

}

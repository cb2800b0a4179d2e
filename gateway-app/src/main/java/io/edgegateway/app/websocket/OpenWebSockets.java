package io.edgegateway.app.websocket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.edgegateway.app.session.SessionChangeListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * The proxied WebSockets open on this replica, each closed when what opened it ends. A
 * socket opened with a bearer token closes at the token's {@code exp}. A socket opened
 * with a browser session closes when the session ends: on the news of a change to it
 * ({@link SessionChangeListener}: a logout, a revocation or a back-channel logout, on any
 * replica), at its idle expiry, and, should no news arrive, at the latest one check
 * interval after it was last read. Either way the session is read again once, for every
 * socket it opened, and the sockets close when it is gone.
 * <p>
 * Each open socket costs one map entry and one timer; a session with open sockets costs a
 * read when it changes (a newer access time is written at most once per touch interval)
 * and at most one per check interval and socket otherwise. A session that cannot be read
 * (Redis unavailable) keeps its sockets open until the next check: a failing Redis does
 * not end what it cannot tell has ended.
 */
final class OpenWebSockets implements SessionChangeListener {

	private static final Log logger = LogFactory.getLog(OpenWebSockets.class);

	/**
	 * The shortest wait between two reads of a session for its sockets, so that a session
	 * whose stored access time lags behind this replica's (written at most once per touch
	 * interval) is not read in a loop.
	 */
	private static final Duration SHORTEST_CHECK = Duration.ofSeconds(1);

	private final ReactiveSessionRepository<? extends Session> sessions;

	private final Clock clock;

	private final Duration checkInterval;

	private final Scheduler scheduler = Schedulers.parallel();

	private final Map<String, Set<OpenSocket>> bySession = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final @Nullable MeterRegistry meters;

	/**
	 * Create the registry.
	 * @param sessions where sessions are read again
	 * @param clock the gateway's clock
	 * @param checkInterval the longest time a session's sockets go without a read of it
	 * @param meters where the open sockets and the closes are counted, if anywhere
	 */
	OpenWebSockets(ReactiveSessionRepository<? extends Session> sessions, Clock clock, Duration checkInterval,
			@Nullable MeterRegistry meters) {
		this.sessions = sessions;
		this.clock = clock;
		this.checkInterval = checkInterval;
		this.meters = meters;
		if (meters != null) {
			Gauge.builder("edge.websocket.open", this.open, AtomicInteger::get)
				.description("Proxied WebSockets open on this replica")
				.register(meters);
		}
	}

	/**
	 * A socket opened: watch it until it closes.
	 * @param socket the client's side of the socket
	 * @param owner what authenticated its handshake
	 * @return to dispose of when the socket has closed, whoever closed it
	 */
	Disposable opened(WebSocketSession socket, SocketOwner owner) {
		OpenSocket opened = new OpenSocket(socket, owner);
		this.open.incrementAndGet();
		String sessionId = owner.sessionId();
		if (sessionId != null) {
			// added under the key's lock, never to a set the last socket's close is
			// removing
			this.bySession.compute(sessionId, (id, sockets) -> {
				Set<OpenSocket> open = (sockets != null) ? sockets : ConcurrentHashMap.newKeySet();
				open.add(opened);
				return open;
			});
			scheduleCheck(opened, owner.expiresAt());
		}
		else if (owner.expiresAt() != null) {
			opened.at(owner.expiresAt(), () -> close(opened, SocketEnd.TOKEN_EXPIRED));
		}
		return opened;
	}

	/**
	 * How many sockets are open.
	 * @return the count
	 */
	int count() {
		return this.open.get();
	}

	@Override
	public void changed(String sessionId) {
		if (this.bySession.containsKey(sessionId)) {
			checkSession(sessionId);
		}
	}

	@Override
	public void anyMayHaveChanged() {
		this.bySession.keySet().forEach(this::checkSession);
	}

	private void checkSession(String sessionId) {
		this.sessions.findById(sessionId)
			.map((session) -> Optional.of(idleExpiry(session)))
			.defaultIfEmpty(Optional.empty())
			.subscribe((expiry) -> {
				for (OpenSocket socket : this.bySession.getOrDefault(sessionId, Set.of())) {
					if (expiry.isPresent()) {
						scheduleCheck(socket, expiry.get());
					}
					else {
						close(socket, SocketEnd.SESSION_ENDED);
					}
				}
			}, (ex) -> {
				logger.warn("Cannot read a session with open WebSockets, checked again in " + this.checkInterval + ": "
						+ ex.getMessage());
				this.bySession.getOrDefault(sessionId, Set.of()).forEach((socket) -> scheduleCheck(socket, null));
			});
	}

	private static @Nullable Instant idleExpiry(Session session) {
		Duration maxInactive = session.getMaxInactiveInterval();
		return maxInactive.isNegative() ? null : session.getLastAccessedTime().plus(maxInactive);
	}

	/**
	 * Read the socket's session again at its idle expiry, or one check interval from now,
	 * whichever comes first.
	 */
	private void scheduleCheck(OpenSocket socket, @Nullable Instant expiry) {
		Instant now = this.clock.instant();
		Instant latest = now.plus(this.checkInterval);
		Instant earliest = now.plus(SHORTEST_CHECK);
		Instant at = (expiry == null || expiry.isAfter(latest)) ? latest
				: (expiry.isBefore(earliest) ? earliest : expiry);
		String sessionId = socket.owner.sessionId();
		if (sessionId != null) {
			socket.at(at, () -> checkSession(sessionId));
		}
	}

	private void close(OpenSocket socket, SocketEnd end) {
		if (socket.end.compareAndSet(null, end)) {
			socket.socket.close(end.status()).subscribe(null, (ex) -> {
			});
		}
	}

	/**
	 * One open socket, its timer and, once the gateway closed it, why.
	 */
	private final class OpenSocket implements Disposable {

		private final WebSocketSession socket;

		private final SocketOwner owner;

		private final Disposable.Swap timer = Disposables.swap();

		private final AtomicReference<@Nullable SocketEnd> end = new AtomicReference<>();

		OpenSocket(WebSocketSession socket, SocketOwner owner) {
			this.socket = socket;
			this.owner = owner;
		}

		void at(Instant time, Runnable action) {
			Duration wait = Duration.between(OpenWebSockets.this.clock.instant(), time);
			this.timer.update(Mono.delay(wait.isNegative() ? Duration.ZERO : wait, OpenWebSockets.this.scheduler)
				.subscribe((tick) -> action.run()));
		}

		@Override
		public void dispose() {
			if (this.timer.isDisposed()) {
				return;
			}
			this.timer.dispose();
			String sessionId = this.owner.sessionId();
			if (sessionId != null) {
				OpenWebSockets.this.bySession.computeIfPresent(sessionId, (id, sockets) -> {
					sockets.remove(this);
					return sockets.isEmpty() ? null : sockets;
				});
			}
			OpenWebSockets.this.open.decrementAndGet();
			MeterRegistry meters = OpenWebSockets.this.meters;
			if (meters != null) {
				SocketEnd end = this.end.get();
				meters.counter("edge.websocket.closed", "reason", (end != null) ? end.tag() : "closed").increment();
			}
		}

		@Override
		public boolean isDisposed() {
			return this.timer.isDisposed();
		}

	}

}

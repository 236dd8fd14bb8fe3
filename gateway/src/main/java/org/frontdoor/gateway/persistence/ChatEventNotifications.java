package org.frontdoor.gateway.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.frontdoor.channels.chat.ChatAddress;
import org.frontdoor.channels.chat.ChatEventSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Carries chat appends from any instance to this instance's open event streams:
 * PostgreSQL {@code LISTEN frontdoor_chat_event} on one dedicated connection, each
 * notification (the session id, sent by {@link ChatEventRepository} in the appending
 * transaction) wakes that session's streams through {@link ChatEventSignals}.
 * <p>
 * Why {@code LISTEN/NOTIFY} rather than polling: one connection per instance instead of
 * one query per open stream per poll interval, and an event reaches a stream on another
 * instance within milliseconds of its commit. Notifications are not durable, so the event
 * log stays the source of truth: a stream always reads the log after being woken, streams
 * also re-read it at every heartbeat, and after the listening connection is
 * re-established every stream is woken once; a lost notification therefore delays an
 * event by at most one heartbeat interval and loses nothing.
 */
@Component
public class ChatEventNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChatEventNotifications.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final ChatEventSignals signals;

	private volatile boolean running;

	private volatile boolean listening;

	private Thread thread;

	public ChatEventNotifications(DataSource dataSource, ChatEventSignals signals) {
		this.dataSource = dataSource;
		this.signals = signals;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("chat-event-listener").daemon(true).start(this::run);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(POLL.toMillis() * 4);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether the listening connection is up (for tests and health).
	 * @return {@code true} while {@code LISTEN} is active
	 */
	public boolean isListening() {
		return this.listening;
	}

	private void run() {
		Duration backoff = Duration.ofMillis(250);
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + ChatEventRepository.NOTIFY_CHANNEL);
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				this.listening = true;
				backoff = Duration.ofMillis(250);
				// anything appended while we were not listening
				this.signals.signalAll();
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							ChatAddress.parseId(notification.getParameter()).ifPresent(this::signal);
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				log.warn("Chat event listener lost its database connection ({}); retrying in {} ms", ex.getMessage(),
						backoff.toMillis());
				sleep(backoff);
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
			finally {
				this.listening = false;
			}
		}
	}

	private void signal(UUID sessionId) {
		this.signals.signal(sessionId);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

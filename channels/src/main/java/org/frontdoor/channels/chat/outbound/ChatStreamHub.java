package org.frontdoor.channels.chat.outbound;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontdoor.channels.chat.ChatEventSignals;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open event streams of this instance, waiting for their session's next event. The
 * event log's implementation wakes them ({@link ChatEventSignals}); on shutdown every
 * stream is woken and ends, before the web server's graceful shutdown waits for requests
 * (clients reconnect to another instance with {@code Last-Event-ID}).
 */
@Component
public class ChatStreamHub implements ChatEventSignals, SmartLifecycle {

	private final ConcurrentHashMap<UUID, Set<Waiter>> waiting = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private volatile boolean running;

	/**
	 * Register a stream for a session. Register before reading the log, so an event
	 * appended in between still wakes it.
	 * @param sessionId the session
	 * @return the waiter; close it when the stream ends
	 */
	public Waiter register(UUID sessionId) {
		Waiter waiter = new Waiter(sessionId);
		this.waiting.compute(sessionId, (id, waiters) -> {
			Set<Waiter> set = (waiters != null) ? waiters : ConcurrentHashMap.newKeySet();
			set.add(waiter);
			return set;
		});
		this.open.incrementAndGet();
		return waiter;
	}

	@Override
	public void signal(UUID sessionId) {
		Set<Waiter> waiters = this.waiting.get(sessionId);
		if (waiters != null) {
			waiters.forEach(Waiter::wake);
		}
	}

	@Override
	public void signalAll() {
		this.waiting.values().forEach((waiters) -> waiters.forEach(Waiter::wake));
	}

	/**
	 * How many streams are open on this instance.
	 * @return the count
	 */
	public int openStreams() {
		return this.open.get();
	}

	/**
	 * Whether streams may keep running (false once shutdown began).
	 * @return {@code true} while the application runs
	 */
	public boolean accepting() {
		return this.running;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		signalAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** One open stream waiting for news. */
	public final class Waiter implements AutoCloseable {

		private final UUID sessionId;

		private final Semaphore news = new Semaphore(0);

		private Waiter(UUID sessionId) {
			this.sessionId = sessionId;
		}

		void wake() {
			if (this.news.availablePermits() == 0) {
				this.news.release();
			}
		}

		/**
		 * Wait until woken or the timeout passes.
		 * @param timeout the longest wait
		 * @return {@code true} if woken
		 * @throws InterruptedException if the thread is interrupted
		 */
		public boolean await(Duration timeout) throws InterruptedException {
			boolean woken = this.news.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
			this.news.drainPermits();
			return woken;
		}

		@Override
		public void close() {
			ChatStreamHub.this.waiting.computeIfPresent(this.sessionId, (id, waiters) -> {
				waiters.remove(this);
				return waiters.isEmpty() ? null : waiters;
			});
			ChatStreamHub.this.open.decrementAndGet();
		}

	}

}

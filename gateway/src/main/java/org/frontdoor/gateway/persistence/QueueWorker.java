package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Works one durable queue on this instance: claims due rows in batches, hands each to
 * {@link #process(Claim)}, and applies retry with backoff, the maximum number of attempts
 * and dead-lettering. Runs on its own thread while the application context runs;
 * {@link #wakeUp()} (or {@link #wakeUpAfterCommit()} from an enqueuing transaction) makes
 * it look at once instead of at the next poll.
 * <p>
 * A subclass's {@link #process(Claim)} records its outcome through {@link #queue} (and
 * its own table) in one transaction; an unexpected exception counts as a failed attempt.
 */
public abstract class QueueWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

	protected final DurableQueue queue;

	protected final QueueControl control;

	protected final QueueProperties properties;

	protected final Backoff backoff;

	private final String workerId;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	protected QueueWorker(DurableQueue queue, QueueControl control, QueueProperties properties) {
		this.queue = queue;
		this.control = control;
		this.properties = properties;
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
		this.workerId = queue.name() + "-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/**
	 * Process one claimed row and record its outcome.
	 * @param claim the claim
	 * @throws Exception anything unexpected (counted as a failed attempt)
	 */
	protected abstract void process(Claim claim) throws Exception;

	/**
	 * Record the row as given up on: mark it dead and write the dead letter, in one
	 * transaction.
	 * @param claim the claim
	 * @param reason why (no PII)
	 */
	protected abstract void giveUp(Claim claim, String reason);

	/**
	 * Whether this worker can process anything now (e.g. the queue is not halted).
	 * @return {@code true} to claim rows
	 */
	protected boolean ready() {
		return !this.control.isHalted(this.queue.name());
	}

	/**
	 * Claim one batch and process it, now, on the calling thread.
	 * @return how many rows were claimed
	 */
	public int pollOnce() {
		if (!ready()) {
			return 0;
		}
		List<Claim> claims = this.queue.claim(this.properties.batchSize(), this.properties.lease(), this.workerId);
		for (Claim claim : claims) {
			try {
				process(claim);
			}
			catch (Exception ex) {
				log.warn("Unexpected failure processing {} row {} (attempt {}): {}", this.queue.name(), claim.id(),
						claim.attempts(), ex.toString());
				log.debug("Stack trace", ex);
				failed(claim, "unexpected: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
			}
		}
		return claims.size();
	}

	/**
	 * Record a failed attempt: retry with backoff, or give up after the maximum number of
	 * attempts.
	 * @param claim the claim
	 * @param reason why (no PII)
	 * @param retryAfter what the remote side asked for, or {@code null}
	 */
	protected void failed(Claim claim, String reason, Duration retryAfter) {
		if (claim.attempts() >= this.properties.maxAttempts()) {
			giveUp(claim, "gave up after " + claim.attempts() + " attempts: " + reason);
		}
		else {
			this.queue.retry(claim, reason, this.backoff.delay(claim.attempts(), retryAfter));
		}
	}

	/** Look for work now rather than at the next poll. */
	public void wakeUp() {
		this.wake.release();
	}

	/**
	 * Look for work once the current transaction commits (at once when there is none).
	 */
	public void wakeUpAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wakeUp();
				}
			});
		}
		else {
			wakeUp();
		}
	}

	/**
	 * This worker's id, as written to {@code claimed_by}.
	 * @return the id
	 */
	public String workerId() {
		return this.workerId;
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.running) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("frontdoor-" + this.queue.name()).start(this::loop);
	}

	private void loop() {
		while (this.running) {
			int claimed = 0;
			try {
				claimed = pollOnce();
			}
			catch (RuntimeException ex) {
				log.warn("Polling the {} queue failed: {}", this.queue.name(), ex.toString());
			}
			if (claimed < this.properties.batchSize()) {
				try {
					this.wake.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wake.drainPermits();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread worker = this.thread;
		if (worker != null) {
			this.wake.release();
			try {
				worker.join(this.properties.lease().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

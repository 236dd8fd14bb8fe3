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
public abstract class QueueWorker implements SmartLifecycle, DeadLetterReplayHandler {

	private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

	private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);

	/**
	 * How {@code last_error} starts on a row put back because its queue or channel is
	 * halted; resuming brings such rows forward ({@link DurableQueue#retryHeldNow}).
	 */
	public static final String HALTED = "halted: ";

	protected final DurableQueue queue;

	protected final QueueControl control;

	protected final QueueProperties properties;

	protected final Backoff backoff;

	private final String workerId;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private volatile Thread thread;

	private final String deadLetterSource;

	/**
	 * Create a worker.
	 * @param queue the queue it works
	 * @param deadLetterSource the dead-letter source of rows it gives up on (replayed by
	 * putting the row back in this queue)
	 * @param control halt states
	 * @param properties queue settings
	 */
	protected QueueWorker(DurableQueue queue, String deadLetterSource, QueueControl control,
			QueueProperties properties) {
		this.queue = queue;
		this.deadLetterSource = deadLetterSource;
		this.control = control;
		this.properties = properties;
		this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
		this.workerId = queue.name() + "-" + UUID.randomUUID().toString().substring(0, 13);
	}

	/**
	 * The queue behind this worker (statistics, requeueing).
	 * @return the queue
	 */
	public DurableQueue queue() {
		return this.queue;
	}

	@Override
	public boolean supports(String source) {
		return this.deadLetterSource.equals(source);
	}

	/**
	 * Replay a dead letter of this worker: put its row back in the queue with a fresh
	 * attempt count, worked on once the admin's transaction commits.
	 * @param deadLetter the dead letter (its key is the row id)
	 */
	@Override
	public void replay(DeadLetter deadLetter) {
		if (!this.queue.requeue(UUID.fromString(deadLetter.key()))) {
			throw new IllegalStateException(
					this.queue.name() + " row " + deadLetter.key() + " is not in the queue or is being worked on");
		}
		wakeUpAfterCommit();
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
		boolean onWorkerThread = Thread.currentThread() == this.thread;
		for (int i = 0; i < claims.size(); i++) {
			Claim claim = claims.get(i);
			if (onWorkerThread && !this.running) {
				// stopping: hand the rest of the batch back at once instead of leaving it
				// leased (another instance, or this one after a restart, takes it now)
				claims.subList(i, claims.size()).forEach(this::releaseUnprocessed);
				break;
			}
			try {
				process(claim);
			}
			catch (LostClaimException ex) {
				log.info("{} row {}: {}; this attempt's outcome was rolled back", this.queue.name(), claim.id(),
						ex.getMessage());
			}
			catch (Exception ex) {
				if (!Thread.currentThread().isInterrupted()) {
					log.warn("Unexpected failure processing {} row {} (attempt {}): {}", this.queue.name(), claim.id(),
							claim.attempts(), ex.toString());
					log.debug("Stack trace", ex);
					failed(claim, "unexpected: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
				}
			}
			if (Thread.interrupted()) {
				// stopping, and the call outlived the grace period: whatever it did may
				// have
				// taken effect and its outcome may be unrecorded, so the row stays leased
				// and
				// whoever takes it over treats it as ambiguous (reconciles first)
				log.warn("{} row {} (attempt {}) was interrupted by the shutdown; it is taken over when its lease "
						+ "runs out", this.queue.name(), claim.id(), claim.attempts());
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

	/**
	 * Put a claimed row back without having worked on it (the instance is stopping). A
	 * subclass that must remember something about the claim (e.g. that the previous
	 * holder's lease ran out mid-call) overrides this and calls it.
	 * @param claim the claim
	 */
	protected void releaseUnprocessed(Claim claim) {
		try {
			this.queue.release(claim, "released unprocessed: the instance was stopping", Duration.ZERO);
		}
		catch (RuntimeException ex) {
			// the lease runs out and another worker takes the row over
			log.debug("Could not release {} row {}: {}", this.queue.name(), claim.id(), ex.toString());
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

	/**
	 * Stop synchronously (see {@link #stop(Runnable)}).
	 */
	@Override
	public void stop() {
		this.running = false;
		awaitWorker();
	}

	/**
	 * Stop without blocking the other lifecycle beans of this phase: the worker finishes
	 * the row it is on (rows it claimed but did not start go back to the queue at once),
	 * and a call still running after {@code frontdoor.outbox.shutdown-grace} is
	 * interrupted; its row is retried (reconciled first when the call may have taken
	 * effect).
	 * @param callback called once the worker has stopped
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Thread.ofVirtual().name("frontdoor-" + this.queue.name() + "-stop").start(() -> {
			try {
				awaitWorker();
			}
			finally {
				callback.run();
			}
		});
	}

	private void awaitWorker() {
		Thread worker = this.thread;
		if (worker == null) {
			return;
		}
		this.wake.release();
		try {
			worker.join(this.properties.shutdownGrace().toMillis());
			if (worker.isAlive()) {
				log.warn("The {} worker is still busy after {} ms; interrupting it", this.queue.name(),
						this.properties.shutdownGrace().toMillis());
				worker.interrupt();
				worker.join(INTERRUPT_GRACE.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

package org.frontdoor.gateway.persistence;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.frontdoor.channels.core.InboundMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the {@code inbound} queue: hands each stored message to the
 * {@link InboundMessageHandler} in the transaction that marks it done (a
 * {@link PreparedInboundMessageHandler} first does its remote steps outside that
 * transaction). Retries with backoff, dead-letters after the maximum attempts; replay
 * puts the message back in the queue.
 */
@Component
public class InboundProcessor extends QueueWorker implements DeadLetterReplayHandler {

	/** Dead-letter source of messages that failed processing. */
	public static final String DEAD_LETTER_SOURCE = "inbound.processing";

	private final JdbcInboundMessageStore store;

	private final ObjectProvider<InboundMessageHandler> handler;

	private final TransactionTemplate transactions;

	private final DeadLetterRepository deadLetters;

	public InboundProcessor(JdbcClient jdbc, QueueControl control, QueueProperties properties,
			JdbcInboundMessageStore store, ObjectProvider<InboundMessageHandler> handler,
			TransactionTemplate transactions, DeadLetterRepository deadLetters) {
		super(new DurableQueue(jdbc, "inbound_message", QueueNames.INBOUND), control, properties);
		this.store = store;
		this.handler = handler;
		this.transactions = transactions;
		this.deadLetters = deadLetters;
	}

	/**
	 * The queue behind this worker (for statistics and requeueing).
	 * @return the queue
	 */
	public DurableQueue queue() {
		return this.queue;
	}

	@Override
	protected boolean ready() {
		return this.handler.getIfAvailable() != null && super.ready();
	}

	@Override
	protected void process(Claim claim) throws Exception {
		InboundMessageHandler target = this.handler.getObject();
		InboundMessage message = this.store.find(claim.id()).orElseThrow();
		Decision decision = prepare(target, message);
		this.transactions.executeWithoutResult((status) -> {
			try {
				decision.apply();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			this.queue.complete(claim);
		});
	}

	/**
	 * Runs a {@link PreparedInboundMessageHandler}'s remote steps now, outside the
	 * transaction; a plain handler does everything in the transaction.
	 */
	private static Decision prepare(InboundMessageHandler target, InboundMessage message) throws Exception {
		if (target instanceof PreparedInboundMessageHandler<?> twoPhase) {
			return prepared(twoPhase, message);
		}
		return () -> target.handle(message);
	}

	private static <P> Decision prepared(PreparedInboundMessageHandler<P> handler, InboundMessage message)
			throws Exception {
		P prepared = handler.prepare(message);
		return () -> handler.handle(message, prepared);
	}

	/** The transactional part of handling one message. */
	@FunctionalInterface
	private interface Decision {

		void apply() throws Exception;

	}

	@Override
	protected void giveUp(Claim claim, String reason) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.queue.dead(claim, reason)) {
				String payload = this.store.payloadJson(claim.id()).orElse("");
				this.deadLetters.record(DEAD_LETTER_SOURCE, claim.id().toString(),
						payload.getBytes(StandardCharsets.UTF_8), "application/json", reason);
			}
		});
	}

	@Override
	public boolean supports(String source) {
		return DEAD_LETTER_SOURCE.equals(source);
	}

	@Override
	public void replay(DeadLetter deadLetter) {
		if (!this.queue.requeue(UUID.fromString(deadLetter.key()))) {
			throw new IllegalStateException("inbound message " + deadLetter.key() + " is not in the queue");
		}
		wakeUpAfterCommit();
	}

}

package org.frontdoor.gateway.persistence;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays dead letters through the {@link DeadLetterReplayHandler} registered for their
 * source.
 */
@Service
public class DeadLetterService {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

	private final DeadLetterRepository repository;

	private final List<DeadLetterReplayHandler> handlers;

	private final TransactionTemplate transactions;

	public DeadLetterService(DeadLetterRepository repository, List<DeadLetterReplayHandler> handlers,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.handlers = handlers;
		this.transactions = transactions;
	}

	/**
	 * Replay one dead letter.
	 * @param id the dead letter
	 * @return what happened
	 */
	public ReplayOutcome replay(UUID id) {
		DeadLetter letter = this.repository.find(id).orElse(null);
		if (letter == null) {
			return ReplayOutcome.NOT_FOUND;
		}
		DeadLetterReplayHandler handler = this.handlers.stream()
			.filter((candidate) -> candidate.supports(letter.source()))
			.findFirst()
			.orElse(null);
		if (handler == null) {
			return ReplayOutcome.NO_HANDLER;
		}
		try {
			this.transactions.executeWithoutResult((status) -> {
				try {
					handler.replay(letter);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new ReplayFailedException(ex);
				}
				this.repository.markReplayed(id, null);
			});
			log.info("Replayed dead letter {} ({})", id, letter.source());
			return ReplayOutcome.REPLAYED;
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex instanceof ReplayFailedException) ? ex.getCause() : ex;
			this.repository.markReplayed(id, cause.getClass().getSimpleName() + ": " + cause.getMessage());
			log.warn("Replaying dead letter {} ({}) failed: {}", id, letter.source(), cause.toString());
			return ReplayOutcome.FAILED;
		}
	}

	/** What a replay did. */
	public enum ReplayOutcome {

		/** Handed back to its owner (usually requeued). */
		REPLAYED,

		/** The handler refused or failed; see the dead letter's replay error. */
		FAILED,

		/** No such dead letter. */
		NOT_FOUND,

		/** Nobody registered a replay handler for its source. */
		NO_HANDLER

	}

	private static final class ReplayFailedException extends RuntimeException {

		ReplayFailedException(Exception cause) {
			super(cause);
		}

	}

}

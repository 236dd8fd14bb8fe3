package org.frontdoor.gateway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.frontdoor.gateway.outbox.SubmissionAcceptedEvent;
import org.frontdoor.gateway.outbox.SubmissionFailedEvent;
import org.frontdoor.gateway.outbox.SubmissionResolvedEvent;
import org.frontdoor.gateway.status.StatusChangedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A real listener that records the outbox's and the poller's events and whether each
 * arrived inside the transaction that produced it.
 */
public class EventRecorder {

	/** Every event, in order. */
	public final List<Object> events = new CopyOnWriteArrayList<>();

	/** For each event, whether a transaction was active when it arrived. */
	public final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

	@EventListener
	void on(SubmissionResolvedEvent event) {
		record(event);
	}

	@EventListener
	void on(SubmissionAcceptedEvent event) {
		record(event);
	}

	@EventListener
	void on(SubmissionFailedEvent event) {
		record(event);
	}

	@EventListener
	void on(StatusChangedEvent event) {
		record(event);
	}

	private void record(Object event) {
		this.events.add(event);
		this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
	}

	/**
	 * The recorded events of one type.
	 * @param type the type
	 * @param <T> the type
	 * @return the events, in order
	 */
	public <T> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** Forget everything. */
	public void clear() {
		this.events.clear();
		this.inTransaction.clear();
	}

}

package org.frontdoor.gateway.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A real listener that records the outbox's events and whether each arrived inside the
 * transaction that produced it.
 */
class EventRecorder {

	final List<Object> events = new CopyOnWriteArrayList<>();

	final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

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

	private void record(Object event) {
		this.events.add(event);
		this.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
	}

	<T> List<T> of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}

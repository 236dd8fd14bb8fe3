package org.frontdoor.gateway.admin;

import java.util.List;

import org.frontdoor.gateway.outbox.OutboundWorker;
import org.frontdoor.gateway.outbox.SubmissionWorker;
import org.frontdoor.gateway.persistence.DurableQueue;
import org.frontdoor.gateway.persistence.InboundProcessor;

import org.springframework.stereotype.Component;

/**
 * The durable queues an admin watches: inbound processing, the Open311 outbox, the
 * outbound outbox.
 */
@Component
public class AdminQueues {

	private final List<DurableQueue> queues;

	public AdminQueues(InboundProcessor inbound, SubmissionWorker submissions, OutboundWorker outbound) {
		this.queues = List.of(inbound.queue(), submissions.queue(), outbound.queue());
	}

	/**
	 * All queues.
	 * @return the queues
	 */
	public List<DurableQueue> all() {
		return this.queues;
	}

}

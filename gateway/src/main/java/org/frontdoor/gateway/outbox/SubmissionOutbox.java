package org.frontdoor.gateway.outbox;

import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues reports for the Open311 backend (blueprint §3.3). Call it inside the transaction
 * that records the decision to submit: the row commits with it, and the
 * {@link SubmissionWorker} posts it after the commit. Its outcome arrives as
 * {@link SubmissionResolvedEvent}, {@link SubmissionAcceptedEvent} or
 * {@link SubmissionFailedEvent}.
 */
@Service
public class SubmissionOutbox {

	private final SubmissionRepository repository;

	private final SubmissionWorker worker;

	public SubmissionOutbox(SubmissionRepository repository, SubmissionWorker worker) {
		this.repository = repository;
		this.worker = worker;
	}

	/**
	 * Queue a submission.
	 * @param request what to create
	 * @param conversationId the conversation deciding it, or {@code null}
	 * @return FrontDoor's id of the submission
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public UUID enqueue(NewServiceRequest request, UUID conversationId) {
		UUID id = this.repository.insert(request, conversationId);
		this.worker.wakeUpAfterCommit();
		return id;
	}

}

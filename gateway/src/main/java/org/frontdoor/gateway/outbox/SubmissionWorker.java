package org.frontdoor.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Exception;
import org.frontdoor.gateway.open311.Open311Properties;
import org.frontdoor.gateway.open311.PostedRequest;
import org.frontdoor.gateway.open311.ServiceDefinition;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.gateway.persistence.Claim;
import org.frontdoor.gateway.persistence.DeadLetter;
import org.frontdoor.gateway.persistence.DeadLetterReplayHandler;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.DurableQueue;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueNames;
import org.frontdoor.gateway.persistence.QueueProperties;
import org.frontdoor.gateway.persistence.QueueWorker;
import org.frontdoor.gateway.persistence.ServiceRequestLink;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the Open311 outbox: posts each submission (with {@code attribute[external_id]} =
 * its id when the service defines that attribute), reconciles before re-posting after an
 * ambiguous failure, follows tokens through {@code tokens/{token}}, retries transient
 * failures with backoff, halts the queue on 401/403, and dead-letters permanent
 * rejections and exhausted retries. Every outcome commits in one transaction with its
 * events.
 */
@Component
public class SubmissionWorker extends QueueWorker implements DeadLetterReplayHandler {

	/** Dead-letter source of submissions. */
	public static final String DEAD_LETTER_SOURCE = "outbox.submission";

	private static final Logger log = LoggerFactory.getLogger(SubmissionWorker.class);

	private static final Duration HALTED_RECHECK = Duration.ofMinutes(1);

	private final SubmissionRepository submissions;

	private final ServiceRequestLinkRepository links;

	private final DeadLetterRepository deadLetters;

	private final Open311Client client;

	private final Open311Catalog catalog;

	private final Open311Properties open311;

	private final SubmissionReconciler reconciler;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final Clock clock;

	public SubmissionWorker(JdbcClient jdbc, QueueControl control, QueueProperties properties,
			SubmissionRepository submissions, ServiceRequestLinkRepository links, DeadLetterRepository deadLetters,
			Open311Client client, Open311Catalog catalog, Open311Properties open311, SubmissionReconciler reconciler,
			TransactionTemplate transactions, ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
		super(new DurableQueue(jdbc, "submission", QueueNames.SUBMISSION), control, properties);
		this.submissions = submissions;
		this.links = links;
		this.deadLetters = deadLetters;
		this.client = client;
		this.catalog = catalog;
		this.open311 = open311;
		this.reconciler = reconciler;
		this.transactions = transactions;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * The queue behind this worker.
	 * @return the queue
	 */
	public DurableQueue queue() {
		return this.queue;
	}

	@Override
	protected void process(Claim claim) {
		Submission submission = this.submissions.find(claim.id()).orElseThrow();
		if (Submission.RESOLVE_TOKEN.equals(submission.phase())) {
			resolveToken(claim, submission);
			return;
		}
		this.submissions.startAttempt(claim.id());
		boolean ambiguous = submission.ambiguous() || claim.leaseExpired();
		if (ambiguous) {
			Optional<ServiceRequest> found;
			try {
				found = this.reconciler.find(submission);
			}
			catch (Open311Exception ex) {
				failed(claim, submission, ex, true);
				return;
			}
			if (found.isPresent()) {
				log.info("Submission {} was already created as service request {} (reconciled)", claim.id(),
						found.get().serviceRequestId());
				resolved(claim, submission, found.get().serviceRequestId(), null, "reconciled");
				return;
			}
		}
		NewServiceRequest request;
		try {
			request = withExternalId(submission);
		}
		catch (Open311Exception ex) {
			failed(claim, submission, ex, ambiguous);
			return;
		}
		this.meters.counter("frontdoor.submission.attempts").increment();
		PostedRequest posted;
		try {
			posted = this.client.post(request);
		}
		catch (Open311Exception ex) {
			failed(claim, submission, ex, ambiguous || ex.ambiguous());
			return;
		}
		if (posted.serviceRequestId() != null) {
			resolved(claim, submission, posted.serviceRequestId(), posted.token(), "post");
		}
		else {
			tokenReceived(claim, submission, posted.token());
		}
	}

	private NewServiceRequest withExternalId(Submission submission) {
		NewServiceRequest request = submission.request();
		String attribute = this.open311.externalIdAttribute();
		if (request.attributes().containsKey(attribute)) {
			return request;
		}
		ServiceDefinition definition = this.catalog.definition(request.serviceCode());
		if (definition.attribute(attribute).isPresent()) {
			return request.withAttribute(attribute, List.of(submission.id().toString()));
		}
		return request;
	}

	private void resolveToken(Claim claim, Submission submission) {
		List<PostedRequest> entries;
		try {
			entries = this.client.token(submission.token());
		}
		catch (Open311Exception ex) {
			if (ex.kind() != Open311Exception.Kind.NOT_FOUND) {
				failed(claim, submission, ex, false);
				return;
			}
			entries = List.of();
		}
		Optional<String> id = entries.stream()
			.map(PostedRequest::serviceRequestId)
			.filter((value) -> value != null && !value.isBlank())
			.findFirst();
		if (id.isPresent()) {
			resolved(claim, submission, id.get(), submission.token(), "token");
			return;
		}
		boolean expired = submission.firstAttemptAt() != null
				&& this.clock.instant().isAfter(submission.firstAttemptAt().plus(this.properties.tokenTimeout()));
		if (expired) {
			giveUp(claim, "token " + submission.token() + " did not resolve within "
					+ this.properties.tokenTimeout().toHours() + " h");
		}
		else {
			this.queue.reschedule(claim, this.properties.tokenPollInterval());
		}
	}

	private void resolved(Claim claim, Submission submission, String serviceRequestId, String token, String via) {
		this.transactions.executeWithoutResult((status) -> {
			if (!this.queue.complete(claim)) {
				throw new LostClaimException(claim);
			}
			this.submissions.resolved(claim.id(), serviceRequestId, token);
			Optional<ServiceRequestLink> existing = this.links.findBySubmission(claim.id());
			ServiceRequestLink link;
			if (existing.isPresent()) {
				this.links.resolveToken(existing.get().id(), serviceRequestId);
				link = existing.get();
			}
			else {
				link = this.links.createForSubmission(claim.id(), submission.request().serviceCode(), serviceRequestId,
						token);
			}
			this.events.publishEvent(new SubmissionResolvedEvent(claim.id(), submission.conversationId(), link.id(),
					serviceRequestId, submission.request().serviceCode(), via));
		});
		this.meters.counter("frontdoor.submission.resolved", "via", via).increment();
		log.debug("Submission {} resolved to service request {} ({})", claim.id(), serviceRequestId, via);
	}

	private void tokenReceived(Claim claim, Submission submission, String token) {
		this.transactions.executeWithoutResult((status) -> {
			if (!this.queue.reschedule(claim, this.properties.tokenPollInterval())) {
				throw new LostClaimException(claim);
			}
			this.submissions.tokenReceived(claim.id(), token);
			ServiceRequestLink link = this.links.createForSubmission(claim.id(), submission.request().serviceCode(),
					null, token);
			this.events
				.publishEvent(new SubmissionAcceptedEvent(claim.id(), submission.conversationId(), link.id(), token));
		});
		log.debug("Submission {} accepted with a token; resolving it later", claim.id());
	}

	private void failed(Claim claim, Submission submission, Open311Exception ex, boolean ambiguous) {
		this.meters.counter("frontdoor.submission.failures", "kind", ex.kind().name().toLowerCase()).increment();
		switch (ex.policy()) {
			case HALT -> {
				this.control.halt(QueueNames.SUBMISSION,
						"Open311 backend rejected our credentials: " + ex.getMessage());
				this.submissions.markAmbiguous(claim.id(), ambiguous);
				this.queue.release(claim, ex.getMessage(), HALTED_RECHECK);
			}
			case PERMANENT -> this.transactions.executeWithoutResult((status) -> {
				if (!this.queue.dead(claim, ex.getMessage())) {
					throw new LostClaimException(claim);
				}
				this.submissions.rejected(claim.id(), ex.errors());
				this.deadLetters.record(DEAD_LETTER_SOURCE, claim.id().toString(), payload(claim.id()),
						"application/json", "rejected by the Open311 backend: " + ex.getMessage());
				this.events.publishEvent(new SubmissionFailedEvent(claim.id(), submission.conversationId(), true,
						ex.errors(), ex.getMessage()));
			});
			case RETRY -> {
				this.submissions.markAmbiguous(claim.id(), ambiguous);
				log.info("Submission {} attempt {} failed ({}), will retry: {}", claim.id(), claim.attempts(),
						ex.kind(), ex.getMessage());
				failed(claim, ex.getMessage(), ex.retryAfter());
			}
		}
	}

	@Override
	protected void giveUp(Claim claim, String reason) {
		Optional<Submission> submission = this.submissions.find(claim.id());
		this.transactions.executeWithoutResult((status) -> {
			if (!this.queue.dead(claim, reason)) {
				throw new LostClaimException(claim);
			}
			this.deadLetters.record(DEAD_LETTER_SOURCE, claim.id().toString(), payload(claim.id()), "application/json",
					reason);
			this.events.publishEvent(new SubmissionFailedEvent(claim.id(),
					submission.map(Submission::conversationId).orElse(null), false, List.of(), reason));
		});
	}

	private byte[] payload(UUID id) {
		return this.submissions.requestJson(id).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean supports(String source) {
		return DEAD_LETTER_SOURCE.equals(source);
	}

	@Override
	public void replay(DeadLetter deadLetter) {
		UUID id = UUID.fromString(deadLetter.key());
		if (!this.queue.requeue(id)) {
			throw new IllegalStateException("submission " + id + " is not in the outbox or is being worked on");
		}
		wakeUpAfterCommit();
	}

	/**
	 * Another instance took the row over after our lease ran out; our outcome is void.
	 */
	static class LostClaimException extends RuntimeException {

		LostClaimException(Claim claim) {
			super("lost the claim on " + claim.id() + " (attempt " + claim.attempts() + ")");
		}

	}

}

package org.frontdoor.gateway.email;

import org.frontdoor.channels.email.inbound.EmailDecision;
import org.frontdoor.channels.email.inbound.EmailIngestService;
import org.frontdoor.gateway.persistence.DeadLetter;
import org.frontdoor.gateway.persistence.DeadLetterReplayHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Replays a mail from the dead letters (source {@code email.inbound}) through the email
 * channel's ingestion again, typically after an upgrade that reads what an earlier
 * version could not: the mail is stored as an inbound message and goes through the dialog
 * like a new one (the channel's duplicate check still applies). Runs in the replay's
 * transaction, so a mail that is rejected again leaves no new dead letter: the original
 * one shows the reason. Only whole mails can be replayed; for a mail over the size limit
 * only the headers were kept, and the whole mail is in the mailbox's rejected folder.
 */
@Component
class EmailDeadLetterReplay implements DeadLetterReplayHandler {

	/** Content type of a dead letter holding the whole mail. */
	static final String WHOLE_MAIL = "message/rfc822";

	private final ObjectProvider<EmailIngestService> ingest;

	EmailDeadLetterReplay(ObjectProvider<EmailIngestService> ingest) {
		this.ingest = ingest;
	}

	@Override
	public boolean supports(String source) {
		return EmailIngestService.DEAD_LETTER_SOURCE.equals(source);
	}

	@Override
	public void replay(DeadLetter deadLetter) {
		EmailIngestService service = this.ingest.getIfAvailable();
		if (service == null) {
			throw new IllegalStateException(
					"the email channel is not enabled on this instance (frontdoor.channels.email.enabled)");
		}
		if (!WHOLE_MAIL.equals(deadLetter.contentType())) {
			throw new IllegalStateException("only the headers of this mail were kept (" + deadLetter.contentType()
					+ "); the whole mail is in the mailbox's rejected folder: move it back to the inbox to retry");
		}
		EmailIngestService.Outcome outcome = service.ingest(deadLetter.payload(), deadLetter.createdAt());
		EmailDecision decision = outcome.decision();
		if (decision.action() != EmailDecision.Action.PROCESS) {
			throw new IllegalStateException("the mail is still not processed (" + decision.action() + "): "
					+ decision.reason().code() + " (" + decision.detail() + ")");
		}
	}

}

package org.frontdoor.gateway.reply;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.gateway.outbox.OutboundOutbox;
import org.frontdoor.templates.TemplateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Queues messages for residents: composes them ({@link ReplyComposer}), puts them in the
 * outbound outbox with their dedupe key in the caller's transaction, and records them in
 * the {@link Transcript}. Every word FrontDoor sends goes through here.
 */
@Component
public class Messenger {

	private static final Logger log = LoggerFactory.getLogger(Messenger.class);

	private final ReplyComposer composer;

	private final OutboundOutbox outbox;

	private final Transcript transcript;

	public Messenger(ReplyComposer composer, OutboundOutbox outbox, Transcript transcript) {
		this.composer = composer;
		this.outbox = outbox;
		this.transcript = transcript;
	}

	/**
	 * Queue one message, inside the caller's transaction.
	 * @param to who and where
	 * @param key what to say
	 * @param model the template values
	 * @param send dedupe key, timing, opt-out override, what it is about
	 * @return the outbound id, or empty when a message with the same dedupe key was
	 * queued before
	 */
	public Optional<UUID> send(Audience to, TemplateKey key, Map<String, ?> model, Send send) {
		UUID id = UUID.randomUUID();
		ReplyComposer.Composed composed = this.composer.compose(id, to, key, model, send.extras());
		boolean queued = this.outbox.enqueue(composed.message(),
				new OutboundOutbox.Options(send.dedupeKey(), send.notBefore(), send.ignoreOptOut()));
		if (!queued) {
			log.debug("Message {} with dedupe key {} was queued before", key.id(), send.dedupeKey());
			return Optional.empty();
		}
		if (to.residentId() != null) {
			String note = (send.notBefore() != null) ? "held until " + send.notBefore() : null;
			if (send.extras().whatsappTemplate() != null) {
				note = ((note != null) ? note + "; " : "") + "WhatsApp template " + send.extras().whatsappTemplate();
			}
			this.transcript.recordOut(to.residentId(), to.conversationId(), id, key.id(), composed.message().text(),
					note);
		}
		return Optional.of(id);
	}

	/**
	 * How to send.
	 *
	 * @param dedupeKey makes the send idempotent (derived from what caused it: the
	 * inbound message, the submission, the status change)
	 * @param notBefore do not send before this time (quiet hours), or {@code null}
	 * @param ignoreOptOut send even to an opted-out resident (only the STOP confirmation)
	 * @param extras what the message is about
	 */
	public record Send(String dedupeKey, Instant notBefore, boolean ignoreOptOut, ReplyComposer.Extras extras) {

		/**
		 * A reply now.
		 * @param dedupeKey the dedupe key
		 * @return the options
		 */
		public static Send reply(String dedupeKey) {
			return new Send(dedupeKey, null, false, ReplyComposer.Extras.REPLY);
		}

		/**
		 * The same options with other extras.
		 * @param extras the extras
		 * @return a copy
		 */
		public Send with(ReplyComposer.Extras extras) {
			return new Send(this.dedupeKey, this.notBefore, this.ignoreOptOut, extras);
		}

	}

}

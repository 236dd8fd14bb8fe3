package org.frontdoor.channels.sms.twilio.inbound;

import jakarta.servlet.http.HttpServletRequest;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.sms.twilio.TwilioChannelConfiguration;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.frontdoor.channels.sms.twilio.TwilioWebhookGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /channels/twilio/messages}: inbound SMS, MMS and WhatsApp from Twilio.
 * Verify the signature (403), check the fields (400 with the reason), normalize, store
 * durably (deduplicated on {@code MessageSid} by the store), then answer an empty TwiML
 * {@code <Response/>}. Nothing remote happens on this thread (blueprint §3.1): replies go
 * out later through the outbound outbox, media are fetched by the gateway's pipeline.
 */
@RestController
@ConditionalOnBooleanProperty(TwilioChannelConfiguration.ENABLED)
public class TwilioInboundController {

	/** The empty TwiML answer: FrontDoor replies asynchronously, never inline. */
	public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	private static final Logger log = LoggerFactory.getLogger(TwilioInboundController.class);

	private final TwilioWebhookGuard guard;

	private final TwilioInboundNormalizer normalizer;

	private final InboundMessageStore store;

	/**
	 * The webhook endpoint.
	 * @param guard signature and account checks
	 * @param normalizer the payload normalizer
	 * @param store where messages are persisted before the acknowledgement
	 */
	public TwilioInboundController(TwilioWebhookGuard guard, TwilioInboundNormalizer normalizer,
			InboundMessageStore store) {
		this.guard = guard;
		this.normalizer = normalizer;
		this.store = store;
	}

	/**
	 * Receive one message.
	 * @param request the form-encoded Twilio request
	 * @return empty TwiML (200), or a problem (400, 403)
	 */
	@PostMapping(TwilioProperties.MESSAGES_PATH)
	public ResponseEntity<?> receive(HttpServletRequest request) {
		TwilioWebhookGuard.Checked checked = this.guard.check(request);
		if (checked.rejection() != null) {
			return checked.rejection();
		}
		TwilioInboundNormalizer.Result result = this.normalizer.normalize(checked.request());
		if (result instanceof TwilioInboundNormalizer.Invalid invalid) {
			log.warn("Refused Twilio inbound message: {}", invalid.reason());
			return TwilioWebhookGuard.problem(HttpStatus.BAD_REQUEST, invalid.reason());
		}
		InboundMessage message = ((TwilioInboundNormalizer.Normalized) result).message();
		InboundMessageStore.StoreOutcome outcome = this.store.store(message);
		log.info("Twilio inbound {} {}: channel={} media={} location={}", message.providerMessageId(),
				(outcome == InboundMessageStore.StoreOutcome.ACCEPTED) ? "accepted" : "duplicate ignored",
				message.channel(), message.media().size(), message.sharedLocation() != null);
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

}

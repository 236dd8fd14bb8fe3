package org.frontdoor.channels.sms.twilio.inbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.frontdoor.channels.core.DeadLetterSink;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.sms.twilio.TwilioChannelConfiguration;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.frontdoor.channels.sms.twilio.TwilioWebhookGuard;
import org.frontdoor.channels.sms.twilio.TwilioWebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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
 * {@code <Response/>}. A request Twilio signed that still cannot become a message (no
 * sender, an address that is no phone number) is answered 400 and, when the application
 * has a {@link DeadLetterSink}, kept there (source {@value #DEAD_LETTER_SOURCE}). Nothing
 * remote happens on this thread (blueprint §3.1): replies go out later through the
 * outbound outbox, media are fetched by the gateway's pipeline.
 */
@RestController
@ConditionalOnBooleanProperty(TwilioChannelConfiguration.ENABLED)
public class TwilioInboundController {

	/** The empty TwiML answer: FrontDoor replies asynchronously, never inline. */
	public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

	/** The dead-letter source of signed inbound requests that are no usable message. */
	public static final String DEAD_LETTER_SOURCE = "twilio.inbound";

	private static final Logger log = LoggerFactory.getLogger(TwilioInboundController.class);

	private final TwilioWebhookGuard guard;

	private final TwilioInboundNormalizer normalizer;

	private final InboundMessageStore store;

	private final ObjectProvider<DeadLetterSink> deadLetters;

	/**
	 * The webhook endpoint.
	 * @param guard signature and account checks
	 * @param normalizer the payload normalizer
	 * @param store where messages are persisted before the acknowledgement
	 * @param deadLetters where signed requests that cannot become a message are kept for
	 * an admin, when the application provides a {@link DeadLetterSink}
	 */
	public TwilioInboundController(TwilioWebhookGuard guard, TwilioInboundNormalizer normalizer,
			InboundMessageStore store, ObjectProvider<DeadLetterSink> deadLetters) {
		this.guard = guard;
		this.normalizer = normalizer;
		this.store = store;
		this.deadLetters = deadLetters;
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
			deadLetter(checked.request(), invalid.reason());
			return TwilioWebhookGuard.problem(HttpStatus.BAD_REQUEST, invalid.reason());
		}
		InboundMessage message = ((TwilioInboundNormalizer.Normalized) result).message();
		InboundMessageStore.StoreOutcome outcome = this.store.store(message);
		// every webhook: DEBUG (counted by http.server.requests; one INFO line per
		// message
		// at a thousand messages a second is log volume, not information)
		log.debug("Twilio inbound {} {}: channel={} media={} location={}", message.providerMessageId(),
				(outcome == InboundMessageStore.StoreOutcome.ACCEPTED) ? "accepted" : "duplicate ignored",
				message.channel(), message.media().size(), message.sharedLocation() != null);
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	/**
	 * A request Twilio signed but that is no usable message is still a resident's
	 * message: keep it (blueprint §3.4). Unsigned requests never get here.
	 */
	private void deadLetter(TwilioWebhookRequest request, String reason) {
		DeadLetterSink sink = this.deadLetters.getIfAvailable();
		if (sink == null) {
			return;
		}
		StringJoiner body = new StringJoiner("&");
		request.form()
			.forEach(
					(name, values) -> values.forEach((value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
							+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
		String sid = request.text("MessageSid");
		String key = (sid != null) ? sid : "sha256:" + sha256(payload);
		sink.deadLetter(DEAD_LETTER_SOURCE, key, payload, MediaType.APPLICATION_FORM_URLENCODED_VALUE, reason);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

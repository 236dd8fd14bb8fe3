package org.frontdoor.channels.sms.twilio.outbound;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.core.SendException.Policy;
import org.frontdoor.channels.sms.twilio.PhoneNumbers;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS, MMS and WhatsApp messages through Twilio's Messages API (SDK), called by the
 * outbound outbox worker, never on a webhook thread.
 * <ul>
 * <li>sender: {@link OutboundMessage#from()} when set; else for SMS the configured
 * messaging service, else the configured number; for WhatsApp the configured
 * {@code whatsapp-from}, else the messaging service;</li>
 * <li>every message asks for status callbacks at public base URL +
 * {@code /channels/twilio/status};</li>
 * <li>{@link OutboundMessage#mediaUrls()} become MMS/WhatsApp media;</li>
 * <li>WhatsApp outside the 24-hour session window needs an approved template: set
 * {@link #HEADER_CONTENT_SID} (or {@link #HEADER_TEMPLATE} naming a configured one) and
 * {@link #HEADER_CONTENT_VARIABLES}; the body is then not sent;</li>
 * <li>failures carry their policy, by table ({@link TwilioErrorCodes}): 429, 5xx and
 * timeouts → retry (with {@code Retry-After}), 21610 → opt-out, invalid numbers → give
 * up, authentication → halt.</li>
 * </ul>
 * Twilio's Messages API has no idempotency key: a timeout after Twilio accepted the
 * request can, on retry, send twice. The outbox keeps such retries rare (RETRY only).
 */
public final class TwilioSender implements OutboundSender {

	/**
	 * Header: the Twilio Content SID ({@code HX…}) of an approved WhatsApp template; sent
	 * as {@code ContentSid}.
	 */
	public static final String HEADER_CONTENT_SID = "twilio.content-sid";

	/**
	 * Header: the template variables as a JSON object
	 * ({@code {"1":"#123","2":"closed"}}); sent as {@code ContentVariables}.
	 */
	public static final String HEADER_CONTENT_VARIABLES = "twilio.content-variables";

	/**
	 * Header: a template purpose configured under
	 * {@code frontdoor.channels.sms.twilio.whatsapp.templates.<purpose>}, resolved to its
	 * Content SID (used when {@link #HEADER_CONTENT_SID} is absent).
	 */
	public static final String HEADER_TEMPLATE = "twilio.template";

	/** Error code of a send refused before calling Twilio: bad resident address. */
	public static final String CODE_INVALID_ADDRESS = "frontdoor.invalid-address";

	/** Error code of a send refused before calling Twilio: no sender configured. */
	public static final String CODE_NO_SENDER = "frontdoor.no-sender";

	/** Error code of a send refused before calling Twilio: unknown template purpose. */
	public static final String CODE_UNKNOWN_TEMPLATE = "frontdoor.unknown-template";

	private static final Logger log = LoggerFactory.getLogger(TwilioSender.class);

	private final TwilioProperties properties;

	private final TwilioRestClient client;

	private final PhoneNumbers phoneNumbers;

	private final Clock clock;

	/**
	 * A sender.
	 * @param properties account, senders, public URL and templates
	 * @param client the Twilio REST client (on {@link TwilioApiHttpClient})
	 * @param phoneNumbers the number normalizer
	 * @param clock for {@code Retry-After} dates
	 */
	public TwilioSender(TwilioProperties properties, TwilioRestClient client, PhoneNumbers phoneNumbers, Clock clock) {
		this.properties = properties;
		this.client = client;
		this.phoneNumbers = phoneNumbers;
		this.clock = clock;
	}

	@Override
	public boolean supports(Channel channel) {
		return channel == Channel.SMS || channel == Channel.WHATSAPP;
	}

	@Override
	public SendReceipt send(OutboundMessage message) throws SendException {
		if (!supports(message.channel())) {
			throw new SendException(Policy.GIVE_UP, null, "Twilio does not send " + message.channel());
		}
		MessageCreator creator = creator(message);
		try {
			Message sent = creator.create(this.client);
			log.debug("Twilio accepted outbound {} as {}", message.id(), sent.getSid());
			return new SendReceipt(sent.getSid(), (sent.getStatus() != null) ? sent.getStatus().toString() : null);
		}
		catch (ApiException ex) {
			throw failure(ex);
		}
		catch (ApiConnectionException ex) {
			throw new SendException(Policy.RETRY, null, "Twilio API unreachable: " + ex.getMessage(), null, ex);
		}
		catch (TwilioException ex) {
			throw new SendException(Policy.RETRY, null, "Twilio API answer unreadable: " + ex.getMessage(), null, ex);
		}
	}

	private MessageCreator creator(OutboundMessage message) throws SendException {
		Channel channel = message.channel();
		PhoneNumbers.Address to = this.phoneNumbers.parse(message.to())
			.map((address) -> new PhoneNumbers.Address(channel, address.e164()))
			.orElseThrow(() -> new SendException(Policy.GIVE_UP, CODE_INVALID_ADDRESS,
					"the resident address is not a phone number"));
		String account = this.properties.accountSid();
		String template = templateSid(message);
		String body = (template != null) ? null : message.text();
		MessageCreator creator = sender(channel, message.from())
			.map((from) -> new MessageCreator(account, new PhoneNumber(to.twilio()), new PhoneNumber(from), body))
			.orElseGet(() -> (this.properties.messagingServiceSid() != null) ? new MessageCreator(account,
					new PhoneNumber(to.twilio()), this.properties.messagingServiceSid(), body) : null);
		if (creator == null) {
			throw new SendException(Policy.GIVE_UP, CODE_NO_SENDER, "no Twilio sender configured for " + channel);
		}
		creator.setStatusCallback(URI.create(this.properties.statusCallbackUrl()));
		if (!message.mediaUrls().isEmpty()) {
			List<URI> media = new ArrayList<>();
			message.mediaUrls().forEach((url) -> media.add(URI.create(url)));
			creator.setMediaUrl(media);
		}
		if (template != null) {
			creator.setContentSid(template);
			String variables = message.headers().get(HEADER_CONTENT_VARIABLES);
			if (variables != null && !variables.isBlank()) {
				creator.setContentVariables(variables);
			}
		}
		return creator;
	}

	/** The explicit sender, or the configured one for the channel, in Twilio's form. */
	private Optional<String> sender(Channel channel, String explicit) throws SendException {
		if (explicit != null && !explicit.isBlank()) {
			PhoneNumbers.Address from = this.phoneNumbers.parse(explicit)
				.orElseThrow(() -> new SendException(Policy.GIVE_UP, CODE_INVALID_ADDRESS,
						"the sender address is not a phone number"));
			return Optional.of(new PhoneNumbers.Address(channel, from.e164()).twilio());
		}
		if (channel == Channel.WHATSAPP) {
			return Optional.ofNullable(this.properties.whatsappAddress());
		}
		if (this.properties.messagingServiceSid() != null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.properties.fromNumber());
	}

	private String templateSid(OutboundMessage message) throws SendException {
		String sid = message.headers().get(HEADER_CONTENT_SID);
		if (sid != null && !sid.isBlank()) {
			return sid.strip();
		}
		String purpose = message.headers().get(HEADER_TEMPLATE);
		if (purpose == null || purpose.isBlank()) {
			return null;
		}
		String configured = this.properties.whatsapp().templates().get(purpose.strip());
		if (configured == null) {
			throw new SendException(Policy.GIVE_UP, CODE_UNKNOWN_TEMPLATE,
					"no WhatsApp template configured for purpose " + purpose.strip());
		}
		return configured;
	}

	private SendException failure(ApiException ex) {
		Integer status = ex.getStatusCode();
		String code = (ex.getCode() != null) ? String.valueOf(ex.getCode()) : null;
		Policy policy = TwilioErrorCodes.forCode(code);
		if (policy == null) {
			policy = TwilioErrorCodes.forHttpStatus((status != null) ? status : 500);
		}
		Duration retryAfter = (policy == Policy.RETRY) ? retryAfter(TwilioApiHttpClient.lastRetryAfter()) : null;
		String reason = "Twilio API " + ((status != null) ? status : "error") + ((code != null) ? " code " + code : "")
				+ ": " + ex.getMessage();
		if (policy == Policy.HALT) {
			log.error("Twilio refused our account or sender ({}); the outbox should stop: {}", code, ex.getMessage());
		}
		return new SendException(policy, (code != null) ? code : String.valueOf(status), reason, retryAfter, ex);
	}

	/** {@code Retry-After} as delay-seconds or an HTTP date. */
	Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(this.clock.instant(), at.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}

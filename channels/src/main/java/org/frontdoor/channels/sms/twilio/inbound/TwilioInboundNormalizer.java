package org.frontdoor.channels.sms.twilio.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.channels.sms.twilio.PhoneNumbers;
import org.frontdoor.channels.sms.twilio.TwilioWebhookRequest;

/**
 * Turns a verified Twilio inbound webhook (SMS, MMS or WhatsApp) into an
 * {@link InboundMessage}. Makes no remote call: media stay at Twilio
 * ({@link InboundMedia#sourceUrl()}) until the gateway's pipeline fetches them with
 * {@link TwilioMediaFetcher}.
 * <p>
 * Twilio's caller-location fields ({@code FromCity}, {@code FromState}, {@code FromZip},
 * {@code To…}) describe the phone number, not the incident: they are never read.
 */
public final class TwilioInboundNormalizer {

	/** The provider name written on every message. */
	public static final String PROVIDER = "twilio";

	/** Twilio allows at most 10 media per message. */
	static final int MAX_MEDIA = 10;

	/**
	 * Twilio parameters copied into {@link InboundMessage#metadata()} under their own
	 * names when present: WhatsApp profile and buttons, message shape, sender service,
	 * the country of the resident's number (a language hint, never a location), and the
	 * raw WhatsApp pin fields.
	 */
	public static final List<String> METADATA_PARAMETERS = List.of("ProfileName", "WaId", "NumMedia", "NumSegments",
			"MessagingServiceSid", "FromCountry", "MessageType", "ButtonText", "ButtonPayload",
			"OriginalRepliedMessageSid", "Forwarded", "FrequentlyForwarded", "ReferralSourceUrl", "Address", "Label");

	/**
	 * Metadata key set when a WhatsApp pin was sent but its coordinates were unusable.
	 */
	public static final String INVALID_LOCATION_KEY = "frontdoor.invalid-location";

	/** Metadata key set when the {@code To} address could not be normalized. */
	public static final String RAW_TO_KEY = "frontdoor.raw-to";

	private final PhoneNumbers phoneNumbers;

	private final Clock clock;

	/**
	 * A normalizer.
	 * @param phoneNumbers the number normalizer (default region)
	 * @param clock the clock stamping {@link InboundMessage#receivedAt()}
	 */
	public TwilioInboundNormalizer(PhoneNumbers phoneNumbers, Clock clock) {
		this.phoneNumbers = phoneNumbers;
		this.clock = clock;
	}

	/** The outcome of {@link #normalize(TwilioWebhookRequest)}. */
	public sealed interface Result {

	}

	/**
	 * A normalized message.
	 *
	 * @param message the message to store
	 */
	public record Normalized(InboundMessage message) implements Result {

	}

	/**
	 * A request that cannot become a message.
	 *
	 * @param reason why, for the 400 answer (no PII)
	 */
	public record Invalid(String reason) implements Result {

	}

	/**
	 * Normalize a verified request.
	 * @param request the webhook request (signature and account already checked)
	 * @return the message, or why there is none
	 */
	public Result normalize(TwilioWebhookRequest request) {
		String sid = firstText(request, "MessageSid", "SmsMessageSid", "SmsSid");
		if (sid == null) {
			return new Invalid("MessageSid (or SmsMessageSid) is missing");
		}
		String rawFrom = request.text("From");
		if (rawFrom == null) {
			return new Invalid("From is missing");
		}
		Optional<PhoneNumbers.Address> from = this.phoneNumbers.parse(rawFrom);
		if (from.isEmpty()) {
			return new Invalid("From is not a phone number or whatsapp: address");
		}
		Channel channel = from.get().channel();
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String name : METADATA_PARAMETERS) {
			String value = request.text(name);
			if (value != null) {
				metadata.put(name, value);
			}
		}
		String rawTo = request.text("To");
		String to = null;
		if (rawTo != null) {
			Optional<PhoneNumbers.Address> parsedTo = this.phoneNumbers.parse(rawTo);
			to = parsedTo.map(PhoneNumbers.Address::uri).orElse(null);
			if (parsedTo.isEmpty()) {
				metadata.put(RAW_TO_KEY, rawTo);
			}
		}
		SharedLocation location = sharedLocation(request, metadata);
		String body = request.first("Body");
		return new Normalized(new InboundMessage(UUID.randomUUID(), channel, PROVIDER, sid, from.get().uri(), to,
				(body != null) ? body.strip() : "", null, media(request), location, null, metadata,
				this.clock.instant()));
	}

	private static List<InboundMedia> media(TwilioWebhookRequest request) {
		int declared = parseCount(request.text("NumMedia"));
		int count = Math.min(MAX_MEDIA, Math.max(declared, 0));
		if (declared < 0) {
			count = MAX_MEDIA; // NumMedia missing or garbled: look at what is there
		}
		List<InboundMedia> media = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String url = request.text("MediaUrl" + i);
			if (url != null) {
				media.add(new InboundMedia(url, request.text("MediaContentType" + i), null, null, null));
			}
		}
		return media;
	}

	private static int parseCount(String value) {
		if (value == null) {
			return -1;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A WhatsApp location pin, only when both coordinates are real numbers in range. */
	private static SharedLocation sharedLocation(TwilioWebhookRequest request, Map<String, String> metadata) {
		String latitude = request.text("Latitude");
		String longitude = request.text("Longitude");
		if (latitude == null && longitude == null) {
			return null;
		}
		if (latitude == null || longitude == null) {
			metadata.put(INVALID_LOCATION_KEY, "true");
			return null;
		}
		try {
			double lat = Double.parseDouble(latitude);
			double lon = Double.parseDouble(longitude);
			boolean usable = Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
					&& !(lat == 0 && lon == 0);
			if (usable) {
				return new SharedLocation(lat, lon, label(request));
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the marker below
		}
		metadata.put(INVALID_LOCATION_KEY, "true");
		return null;
	}

	private static String label(TwilioWebhookRequest request) {
		String label = request.text("Label");
		String address = request.text("Address");
		if (label != null && address != null) {
			return label + ", " + address;
		}
		return (label != null) ? label : address;
	}

	private static String firstText(TwilioWebhookRequest request, String... names) {
		for (String name : names) {
			String value = request.text(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}

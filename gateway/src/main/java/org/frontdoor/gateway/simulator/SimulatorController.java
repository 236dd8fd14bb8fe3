package org.frontdoor.gateway.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.sms.twilio.PhoneNumbers;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The simulator page's API. Sending turns what someone typed into the form body Twilio
 * would post (SMS, MMS with a photo, or WhatsApp with a shared pin), signs it with the
 * account's auth token and posts it over HTTP to FrontDoor's real webhook
 * {@code /channels/twilio/messages}; the page then polls the phone's messages, which
 * include FrontDoor's replies as the simulated Twilio API received them.
 */
@RestController
@ConditionalOnBooleanProperty(SimulatorProperties.ENABLED)
public class SimulatorController {

	private static final Logger log = LoggerFactory.getLogger(SimulatorController.class);

	private static final int MAX_TEXT = 1600;

	private final SimulatorStore store;

	private final TwilioProperties twilio;

	private final SimulatorProperties properties;

	private final PhoneNumbers phoneNumbers;

	private final TwilioWebhooks webhooks;

	public SimulatorController(SimulatorStore store, TwilioProperties twilio, SimulatorProperties properties,
			PhoneNumbers twilioPhoneNumbers) {
		this.store = store;
		this.twilio = twilio;
		this.properties = properties;
		this.phoneNumbers = twilioPhoneNumbers;
		this.webhooks = new TwilioWebhooks(twilio.authToken());
	}

	@GetMapping("/simulator")
	RedirectView page() {
		return new RedirectView("/simulator/index.html");
	}

	/**
	 * Send one message as a resident.
	 * @param phone the resident's number
	 * @param channel {@code sms} or {@code whatsapp}
	 * @param text what they typed (may be empty with a photo or a pin)
	 * @param photo an optional photo
	 * @param latitude an optional shared pin (WhatsApp)
	 * @param longitude an optional shared pin (WhatsApp)
	 * @return the message sid and FrontDoor's webhook answer, or a problem
	 */
	@PostMapping(path = "/simulator/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> send(@RequestParam String phone, @RequestParam(defaultValue = "sms") String channel,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude) {
		Optional<PhoneNumbers.Address> address = this.phoneNumbers.parse(phone);
		if (address.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "phone must be a phone number, e.g. +16175550123");
		}
		boolean whatsapp = "whatsapp".equalsIgnoreCase(channel);
		if (!whatsapp && !"sms".equalsIgnoreCase(channel)) {
			return problem(HttpStatus.BAD_REQUEST, "channel must be sms or whatsapp");
		}
		boolean pin = latitude != null && longitude != null;
		if (pin && !whatsapp) {
			return problem(HttpStatus.BAD_REQUEST, "location pins can only be shared on WhatsApp");
		}
		boolean hasPhoto = photo != null && !photo.isEmpty();
		if (text.isBlank() && !hasPhoto && !pin) {
			return problem(HttpStatus.BAD_REQUEST, "type a message, attach a photo or share a location");
		}
		if (text.length() > MAX_TEXT) {
			return problem(HttpStatus.BAD_REQUEST, "a message has at most " + MAX_TEXT + " characters");
		}
		if (hasPhoto && photo.getSize() > this.properties.maxPhotoSize().toBytes()) {
			return problem(HttpStatus.PAYLOAD_TOO_LARGE,
					"the photo is over " + this.properties.maxPhotoSize().toMegabytes() + " MB");
		}
		String e164 = address.get().e164();
		String messageSid = SimulatorStore.sid(hasPhoto ? "MM" : "SM");
		String mediaId = null;
		String contentType = null;
		if (hasPhoto) {
			try {
				contentType = (photo.getContentType() != null) ? photo.getContentType() : "application/octet-stream";
				mediaId = this.store.saveMedia(photo.getBytes(), contentType);
			}
			catch (IOException ex) {
				return problem(HttpStatus.BAD_REQUEST, "the photo could not be read");
			}
		}
		Map<String, String> form = form(new PhoneNumbers.Address(whatsapp ? Channel.WHATSAPP : Channel.SMS, e164),
				messageSid, text, mediaId, contentType, pin ? new double[] { latitude, longitude } : null);
		this.store.add(new SimulatorStore.SimulatedMessage(0, messageSid, "IN", whatsapp ? "WHATSAPP" : "SMS", e164,
				text, mediaId, "received", null), null, null);
		String url = base() + TwilioProperties.MESSAGES_PATH;
		try {
			HttpResponse<String> response = this.webhooks.post(url, form);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("messageSid", messageSid);
			body.put("webhookStatus", response.statusCode());
			body.put("webhookResponse", response.body());
			return ResponseEntity.ok(body);
		}
		catch (IOException ex) {
			log.warn("Simulator could not reach the webhook at {}: {}", url, ex.toString());
			return problem(HttpStatus.BAD_GATEWAY, "FrontDoor's webhook did not answer: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
		}
	}

	/**
	 * A phone's messages in both directions, after a row id (the page polls this).
	 * @param phone the resident's number
	 * @param after the last id the page has
	 * @return the messages, oldest first
	 */
	@GetMapping(path = "/simulator/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> thread(@RequestParam String phone, @RequestParam(defaultValue = "0") long after) {
		Optional<PhoneNumbers.Address> address = this.phoneNumbers.parse(phone);
		if (address.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "phone must be a phone number, e.g. +16175550123");
		}
		List<SimulatorStore.SimulatedMessage> messages = this.store.thread(address.get().e164(), after);
		return ResponseEntity.ok(messages);
	}

	/**
	 * A photo the page sent, to show it in the thread.
	 * @param id the photo id
	 * @return the photo
	 */
	@GetMapping("/simulator/api/media/{id}")
	ResponseEntity<?> media(@PathVariable String id) {
		return this.store.media(id)
			.<ResponseEntity<?>>map((media) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(media.contentType()))
				.header("Content-Security-Policy", "default-src 'none'")
				.header("X-Content-Type-Options", "nosniff")
				.body(media.bytes()))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no such photo"));
	}

	/**
	 * The form body Twilio posts for an inbound message. Like Twilio it carries the
	 * caller-location fields of the number ({@code FromCity}, {@code FromZip}), which
	 * FrontDoor must never use as the incident location.
	 */
	private Map<String, String> form(PhoneNumbers.Address from, String messageSid, String text, String mediaId,
			String contentType, double[] pin) {
		boolean whatsapp = from.channel() == Channel.WHATSAPP;
		Map<String, String> form = new LinkedHashMap<>();
		form.put("ToCountry", "US");
		form.put("ToState", "MA");
		form.put("SmsMessageSid", messageSid);
		form.put("NumMedia", (mediaId != null) ? "1" : "0");
		form.put("ToCity", "CAMBRIDGE");
		form.put("FromZip", "02108");
		form.put("SmsSid", messageSid);
		form.put("FromState", "MA");
		form.put("SmsStatus", "received");
		form.put("FromCity", "BOSTON");
		form.put("Body", text);
		form.put("FromCountry", "US");
		form.put("To", whatsapp ? this.twilio.whatsappAddress() : this.twilio.fromNumber());
		form.put("ToZip", "02139");
		form.put("NumSegments", "1");
		form.put("MessageSid", messageSid);
		form.put("AccountSid", this.twilio.accountSid());
		form.put("From", from.twilio());
		form.put("ApiVersion", "2010-04-01");
		if (whatsapp) {
			form.put("ProfileName", "Simulator");
			form.put("WaId", from.e164().substring(1));
		}
		if (mediaId != null) {
			form.put("MediaContentType0", contentType);
			form.put("MediaUrl0", base() + SimulatorProperties.TWILIO_API_PATH + "/2010-04-01/Accounts/"
					+ this.twilio.accountSid() + "/Messages/" + messageSid + "/Media/" + mediaId);
		}
		if (pin != null) {
			form.put("Latitude", Double.toString(pin[0]));
			form.put("Longitude", Double.toString(pin[1]));
		}
		form.values().removeIf((value) -> value == null);
		return form;
	}

	private String base() {
		String base = this.twilio.publicBaseUrl().toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}

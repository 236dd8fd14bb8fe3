package org.frontdoor.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.frontdoor.channels.sms.twilio.TwilioProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A local stand-in for the part of Twilio's REST API FrontDoor uses: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} (answers {@code 201} with a message
 * resource, as Twilio does; the message shows up on the simulator page, and a signed
 * {@code delivered} status callback follows) and the media of messages the page sent.
 * Callers authenticate with the account SID and auth token (HTTP basic), as with Twilio;
 * errors use Twilio's JSON shape and codes (20003 authentication, 21211 invalid
 * {@code To}, 21602 no body).
 */
@RestController
@ConditionalOnBooleanProperty(SimulatorProperties.ENABLED)
public class SimulatorTwilioApi {

	private static final String BASE = SimulatorProperties.TWILIO_API_PATH + "/2010-04-01/Accounts/{accountSid}";

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

	private final SimulatorStore store;

	private final TwilioProperties twilio;

	private final SimulatorProperties properties;

	public SimulatorTwilioApi(SimulatorStore store, TwilioProperties twilio, SimulatorProperties properties) {
		this.store = store;
		this.twilio = twilio;
		this.properties = properties;
	}

	@PostMapping(path = BASE + "/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> createMessage(@PathVariable String accountSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody MultiValueMap<String, String> form) {
		Optional<ResponseEntity<Map<String, Object>>> refused = authenticate(accountSid, authorization);
		if (refused.isPresent()) {
			return refused.get();
		}
		String to = form.getFirst("To");
		if (to == null || !to.matches("(whatsapp:)?\\+[1-9]\\d{6,14}")) {
			return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
		}
		String body = form.getFirst("Body");
		String contentSid = form.getFirst("ContentSid");
		if ((body == null || body.isBlank()) && contentSid == null) {
			return error(HttpStatus.BAD_REQUEST, 21602, "Message body is required.");
		}
		boolean whatsapp = to.startsWith("whatsapp:");
		String text = (contentSid != null)
				? "[WhatsApp template " + contentSid + " " + String.valueOf(form.getFirst("ContentVariables")) + "]"
				: body;
		String sid = SimulatorStore.sid("SM");
		String phone = whatsapp ? to.substring("whatsapp:".length()) : to;
		this.store.add(new SimulatorStore.SimulatedMessage(0, sid, "OUT", whatsapp ? "WHATSAPP" : "SMS", phone, text,
				null, "queued", null), form.getFirst("StatusCallback"), this.properties.deliveryDelay());
		String from = (form.getFirst("From") != null) ? form.getFirst("From") : this.twilio.fromNumber();
		String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_2822);
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("account_sid", accountSid);
		resource.put("api_version", "2010-04-01");
		resource.put("body", text);
		resource.put("date_created", now);
		resource.put("date_sent", null);
		resource.put("date_updated", now);
		resource.put("direction", "outbound-api");
		resource.put("error_code", null);
		resource.put("error_message", null);
		resource.put("from", from);
		resource.put("messaging_service_sid", form.getFirst("MessagingServiceSid"));
		resource.put("num_media", "0");
		resource.put("num_segments", "1");
		resource.put("price", null);
		resource.put("price_unit", "USD");
		resource.put("sid", sid);
		resource.put("status", "queued");
		resource.put("subresource_uris",
				Map.of("media", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + "/Media.json"));
		resource.put("to", to);
		resource.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
		return ResponseEntity.status(HttpStatus.CREATED).body(resource);
	}

	@GetMapping(BASE + "/Messages/{messageSid}/Media/{mediaSid}")
	ResponseEntity<?> media(@PathVariable String accountSid, @PathVariable String messageSid,
			@PathVariable String mediaSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<ResponseEntity<Map<String, Object>>> refused = authenticate(accountSid, authorization);
		if (refused.isPresent()) {
			return refused.get();
		}
		return this.store.media(mediaSid)
			.<ResponseEntity<?>>map((media) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(media.contentType()))
				.body(media.bytes()))
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, 20404, "The requested resource was not found"));
	}

	private Optional<ResponseEntity<Map<String, Object>>> authenticate(String accountSid, String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString(
					(this.twilio.accountSid() + ":" + this.twilio.authToken()).getBytes(StandardCharsets.UTF_8));
		boolean ok = authorization != null && this.twilio.accountSid().equals(accountSid) && MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
		return ok ? Optional.empty() : Optional.of(error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate"));
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		body.put("status", status.value());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}

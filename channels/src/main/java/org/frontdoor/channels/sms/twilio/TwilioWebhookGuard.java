package org.frontdoor.channels.sms.twilio;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The checks every Twilio webhook passes before its content is looked at: a valid
 * {@code X-Twilio-Signature} for the URL Twilio called (else 403, logged without the
 * body), then an {@code AccountSid} equal to the configured account (else 400).
 */
public final class TwilioWebhookGuard {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookGuard.class);

	private final TwilioProperties properties;

	private final TwilioSignature signature;

	/**
	 * A guard for one account.
	 * @param properties the account and public URL configuration
	 * @param signature the signature checker for the account's auth token
	 */
	public TwilioWebhookGuard(TwilioProperties properties, TwilioSignature signature) {
		this.properties = properties;
		this.signature = signature;
	}

	/**
	 * Read and check a webhook request.
	 * @param request the servlet request
	 * @return the checked request, or the error response to send
	 */
	public Checked check(HttpServletRequest request) {
		TwilioWebhookRequest webhook = TwilioWebhookRequest.from(request, this.properties);
		if (!this.signature.verify(webhook.url(), webhook.form(), webhook.signature())) {
			// no body, no parameters: they may hold a resident's number and words
			log.warn("Refused Twilio webhook with {} signature: url={} remote={} parameters={}",
					(webhook.signature() == null) ? "no" : "a bad", webhook.url(), request.getRemoteAddr(),
					webhook.form().size());
			return new Checked(null, problem(HttpStatus.FORBIDDEN, "Invalid or missing X-Twilio-Signature"));
		}
		String accountSid = webhook.text("AccountSid");
		if (accountSid == null) {
			return new Checked(null, problem(HttpStatus.BAD_REQUEST, "AccountSid is missing"));
		}
		if (!accountSid.equals(this.properties.accountSid())) {
			log.warn("Refused signed Twilio webhook for another account: url={}", webhook.url());
			return new Checked(null,
					problem(HttpStatus.BAD_REQUEST, "AccountSid does not match the configured account"));
		}
		return new Checked(webhook, null);
	}

	/**
	 * A 4xx answer with an RFC 9457 problem body.
	 * @param status the status
	 * @param detail the reason
	 * @return the response
	 */
	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).body(body);
	}

	/**
	 * The outcome of {@link #check(HttpServletRequest)}: exactly one of the two is set.
	 *
	 * @param request the verified request
	 * @param rejection the response to send instead
	 */
	public record Checked(TwilioWebhookRequest request, ResponseEntity<ProblemDetail> rejection) {

		/**
		 * The rejection, if any.
		 * @return the rejection response
		 */
		public Optional<ResponseEntity<ProblemDetail>> rejected() {
			return Optional.ofNullable(this.rejection);
		}

	}

}

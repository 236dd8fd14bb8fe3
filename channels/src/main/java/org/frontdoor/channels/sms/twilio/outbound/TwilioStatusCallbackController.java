package org.frontdoor.channels.sms.twilio.outbound;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.DeliveryReportListener;
import org.frontdoor.channels.sms.twilio.PhoneNumbers;
import org.frontdoor.channels.sms.twilio.TwilioChannelConfiguration;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.frontdoor.channels.sms.twilio.TwilioWebhookGuard;
import org.frontdoor.channels.sms.twilio.TwilioWebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /channels/twilio/status}: Twilio's status callbacks for messages FrontDoor
 * sent. Signature-checked like the inbound webhook, then each callback becomes a
 * {@link DeliveryReport} (status and error code mapped by {@link TwilioMessageStatus} and
 * {@link TwilioErrorCodes}) handed to the {@link DeliveryReportListener}, which only
 * persists. Unknown parameters are ignored; a callback with an {@code ErrorCode} but no
 * status counts as {@code failed}.
 */
@RestController
@ConditionalOnBooleanProperty(TwilioChannelConfiguration.ENABLED)
public class TwilioStatusCallbackController {

	private static final Logger log = LoggerFactory.getLogger(TwilioStatusCallbackController.class);

	private final TwilioWebhookGuard guard;

	private final DeliveryReportListener listener;

	private final Clock clock;

	/**
	 * The callback endpoint.
	 * @param guard signature and account checks
	 * @param listener where delivery reports go
	 * @param clock stamps {@link DeliveryReport#reportedAt()} (the application's clock,
	 * or the UTC system clock)
	 */
	public TwilioStatusCallbackController(TwilioWebhookGuard guard, DeliveryReportListener listener,
			ObjectProvider<Clock> clock) {
		this.guard = guard;
		this.listener = listener;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	/**
	 * Receive one status callback.
	 * @param request the form-encoded Twilio request
	 * @return 204, or a problem (400, 403)
	 */
	@PostMapping(TwilioProperties.STATUS_PATH)
	public ResponseEntity<?> status(HttpServletRequest request) {
		TwilioWebhookGuard.Checked checked = this.guard.check(request);
		if (checked.rejection() != null) {
			return checked.rejection();
		}
		TwilioWebhookRequest callback = checked.request();
		String sid = callback.text("MessageSid");
		if (sid == null) {
			sid = callback.text("SmsSid");
		}
		if (sid == null) {
			return TwilioWebhookGuard.problem(HttpStatus.BAD_REQUEST, "MessageSid is missing");
		}
		String errorCode = callback.text("ErrorCode");
		String status = TwilioMessageStatus.normalize(callback.text("MessageStatus"));
		if (status == null) {
			status = TwilioMessageStatus.normalize(callback.text("SmsStatus"));
		}
		if (status == null && errorCode != null) {
			status = "failed";
		}
		if (status == null) {
			return TwilioWebhookGuard.problem(HttpStatus.BAD_REQUEST, "MessageStatus is missing");
		}
		DeliveryReport report = new DeliveryReport(channel(callback), sid, status, errorCode,
				TwilioMessageStatus.policy(status, errorCode), this.clock.instant());
		this.listener.onDeliveryReport(report);
		// one line per callback (two or three per message sent) only when it reports an
		// error
		if (errorCode != null) {
			log.info("Twilio status {} for {}: error={} policy={}", status, sid, errorCode, report.policy());
		}
		else {
			log.debug("Twilio status {} for {}", status, sid);
		}
		return ResponseEntity.noContent().build();
	}

	private static Channel channel(TwilioWebhookRequest callback) {
		String to = callback.text("To");
		boolean whatsapp = "whatsapp".equalsIgnoreCase(callback.text("ChannelPrefix"))
				|| (to != null && to.regionMatches(true, 0, PhoneNumbers.WHATSAPP, 0, PhoneNumbers.WHATSAPP.length()));
		return whatsapp ? Channel.WHATSAPP : Channel.SMS;
	}

}

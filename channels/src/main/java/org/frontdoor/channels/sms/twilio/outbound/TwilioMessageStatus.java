package org.frontdoor.channels.sms.twilio.outbound;

import java.util.Locale;
import java.util.Map;

import org.frontdoor.channels.core.SendException.Policy;

/**
 * Twilio's {@code MessageStatus} values as a table
 * (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values), and
 * the policy a status callback carries.
 */
public final class TwilioMessageStatus {

	/** What a status says about the message. */
	enum Kind {

		/** On its way (accepted, scheduled, queued, sending, sent). */
		PENDING,

		/** Arrived (delivered, read) or, for inbound, received. */
		SUCCESS,

		/** Will not arrive (undelivered, failed). */
		FAILURE,

		/** Canceled by us before sending. */
		CANCELED,

		/** A status Twilio added after this table was written. */
		UNKNOWN

	}

	static final Map<String, Kind> KINDS = Map.ofEntries(Map.entry("accepted", Kind.PENDING),
			Map.entry("scheduled", Kind.PENDING), Map.entry("queued", Kind.PENDING), Map.entry("sending", Kind.PENDING),
			Map.entry("sent", Kind.PENDING), Map.entry("receiving", Kind.PENDING), Map.entry("delivered", Kind.SUCCESS),
			Map.entry("read", Kind.SUCCESS), Map.entry("received", Kind.SUCCESS),
			Map.entry("partially_delivered", Kind.SUCCESS), Map.entry("undelivered", Kind.FAILURE),
			Map.entry("failed", Kind.FAILURE), Map.entry("canceled", Kind.CANCELED));

	private TwilioMessageStatus() {
	}

	/**
	 * Lower-case, trimmed.
	 * @param status a raw status
	 * @return the normalized status, or {@code null}
	 */
	static String normalize(String status) {
		return (status == null || status.isBlank()) ? null : status.strip().toLowerCase(Locale.ROOT);
	}

	static Kind kind(String status) {
		return KINDS.getOrDefault(status, Kind.UNKNOWN);
	}

	/**
	 * The policy a callback carries: for a failure, the error code's policy (or
	 * {@link Policy#GIVE_UP} without a known code); for an unknown status with a known
	 * error code, that code's policy; otherwise {@code null} (no error).
	 * @param status the normalized status
	 * @param errorCode Twilio's {@code ErrorCode}, or {@code null}
	 * @return the policy, or {@code null}
	 */
	static Policy policy(String status, String errorCode) {
		Policy byCode = TwilioErrorCodes.forCode(errorCode);
		return switch (kind(status)) {
			case FAILURE -> (byCode != null) ? byCode : Policy.GIVE_UP;
			case UNKNOWN -> byCode;
			case PENDING, SUCCESS, CANCELED -> null;
		};
	}

}

package org.frontdoor.channels.sms.twilio.outbound;

import java.util.Map;

import org.frontdoor.channels.core.SendException.Policy;

/**
 * What a Twilio error code means for the outbox, as a table. Used for REST API errors
 * (the {@code code} of the error body) and for status callbacks ({@code ErrorCode}).
 * Codes not listed fall back on the HTTP status ({@link #forHttpStatus(int)}) or, in
 * callbacks, on {@link Policy#GIVE_UP}.
 * <p>
 * Sources: Twilio's error reference,
 * {@code https://www.twilio.com/docs/api/errors/<code>} (e.g. 30001 "Queue overflow",
 * 30002 "Account suspended", 30003 "Unreachable destination handset", 30005 "Unknown
 * destination handset", 30006 "Landline or unreachable carrier", 30007 "Message
 * filtered", 30008 "Unknown error", 21610 "Attempt to send to unsubscribed recipient",
 * 21211 "Invalid 'To' Phone Number", 21614 "'To' number is not a valid mobile number",
 * 20003 "Authentication Error", 20429 "Too Many Requests", 63016 "outside the allowed
 * window", 63018 "Rate limit exceeded for Channel") and the full list at
 * {@code https://www.twilio.com/docs/api/errors/twilio-error-codes.json}.
 */
public final class TwilioErrorCodes {

	/** Twilio error code → policy. */
	static final Map<Integer, Policy> POLICIES = Map.ofEntries(
			// the resident texted STOP to our sender: record the opt-out, never retry
			Map.entry(21610, Policy.OPT_OUT),
			// our account or sender is wrong: stop the queue, alert an admin
			Map.entry(20003, Policy.HALT), // authentication error
			Map.entry(20005, Policy.HALT), // account not active
			Map.entry(20404, Policy.HALT), // account/resource not found (wrong account
											// SID)
			Map.entry(21606, Policy.HALT), // 'From' is not an SMS-capable number of this
											// account
			Map.entry(21659, Policy.HALT), // 'From' is not a Twilio number of this
											// account
			Map.entry(21703, Policy.HALT), // messaging service has no senders
			Map.entry(30002, Policy.HALT), // account suspended
			Map.entry(30032, Policy.HALT), // toll-free number not verified
			Map.entry(30034, Policy.HALT), // US A2P 10DLC: unregistered sender
			Map.entry(63007, Policy.HALT), // WhatsApp sender (From) not found
			// transient: try again later
			Map.entry(20429, Policy.RETRY), // too many requests
			Map.entry(20500, Policy.RETRY), // internal server error
			Map.entry(20503, Policy.RETRY), // service unavailable
			Map.entry(14107, Policy.RETRY), // send rate limit exceeded
			Map.entry(30001, Policy.RETRY), // queue overflow
			Map.entry(30008, Policy.RETRY), // unknown error
			Map.entry(30009, Policy.RETRY), // missing segment
			Map.entry(30017, Policy.RETRY), // carrier network congestion
			Map.entry(30022, Policy.RETRY), // US A2P 10DLC rate limit exceeded
			Map.entry(30023, Policy.RETRY), // US A2P 10DLC daily cap reached
			Map.entry(30410, Policy.RETRY), // provider timeout
			Map.entry(63018, Policy.RETRY), // WhatsApp rate limit exceeded
			Map.entry(63038, Policy.RETRY), // daily messaging limit reached
			// permanent for this message or this resident
			Map.entry(21211, Policy.GIVE_UP), // invalid 'To' number
			Map.entry(21408, Policy.GIVE_UP), // region not enabled for this account
			Map.entry(21612, Policy.GIVE_UP), // 'To' not reachable by this sender
			Map.entry(21614, Policy.GIVE_UP), // 'To' is not a mobile number
			Map.entry(21617, Policy.GIVE_UP), // body over 1600 characters
			Map.entry(21620, Policy.GIVE_UP), // invalid media URL
			Map.entry(21655, Policy.GIVE_UP), // invalid ContentSid
			Map.entry(21656, Policy.GIVE_UP), // invalid ContentVariables
			Map.entry(30003, Policy.GIVE_UP), // unreachable destination handset
			Map.entry(30004, Policy.GIVE_UP), // message blocked
			Map.entry(30005, Policy.GIVE_UP), // unknown destination handset
			Map.entry(30006, Policy.GIVE_UP), // landline or unreachable carrier
			Map.entry(30007, Policy.GIVE_UP), // message filtered by the carrier
			Map.entry(30010, Policy.GIVE_UP), // price exceeds max price
			Map.entry(30011, Policy.GIVE_UP), // MMS not supported by the receiving number
			Map.entry(30018, Policy.GIVE_UP), // destination carrier requires sender
												// registration
			Map.entry(30024, Policy.GIVE_UP), // numeric sender id not provisioned
			Map.entry(63003, Policy.GIVE_UP), // WhatsApp: recipient address not found
			// WhatsApp outside the 24-hour window: resend with a template
			// (twilio.content-sid)
			Map.entry(63016, Policy.GIVE_UP), Map.entry(63024, Policy.GIVE_UP), // invalid
																				// recipient
			Map.entry(63032, Policy.GIVE_UP), // recipient in a WhatsApp marketing
												// experiment
			Map.entry(63049, Policy.GIVE_UP)); // Meta chose not to deliver

	private TwilioErrorCodes() {
	}

	/**
	 * The policy for a Twilio error code.
	 * @param code the code (e.g. {@code "21610"}), or {@code null}
	 * @return the policy, or {@code null} when the code is not in the table
	 */
	public static Policy forCode(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return POLICIES.get(Integer.parseInt(code.strip()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The policy for an HTTP status of the REST API when the error code says nothing:
	 * 401/403 → {@link Policy#HALT}, 408/429/5xx → {@link Policy#RETRY}, other 4xx →
	 * {@link Policy#GIVE_UP}.
	 * @param status the HTTP status
	 * @return the policy
	 */
	public static Policy forHttpStatus(int status) {
		if (status == 401 || status == 403) {
			return Policy.HALT;
		}
		if (status == 408 || status == 429 || status >= 500) {
			return Policy.RETRY;
		}
		return Policy.GIVE_UP;
	}

}

package org.frontdoor.channels.email.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.core.SendException.Policy;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Maps SMTP failures to the outbox policy, by tables:
 * <table>
 * <caption>Failure → policy</caption>
 * <tr>
 * <th>failure</th>
 * <th>policy</th>
 * </tr>
 * <tr>
 * <td>authentication failed, or reply 530/534/535/538 (auth required, mechanism too weak,
 * credentials invalid, encryption required)</td>
 * <td>HALT</td>
 * </tr>
 * <tr>
 * <td>our sender address refused ({@code MAIL FROM}, 5xx)</td>
 * <td>HALT</td>
 * </tr>
 * <tr>
 * <td>connection refused, unknown host, timeout, TLS or I/O failure</td>
 * <td>RETRY</td>
 * </tr>
 * <tr>
 * <td>any 4xx reply (421 service unavailable, 450/451/452 busy, local error,
 * storage)</td>
 * <td>RETRY</td>
 * </tr>
 * <tr>
 * <td>recipient refused ({@code RCPT TO}, 5xx: 550 unknown user, 551, 552 mailbox full,
 * 553 bad address), content refused ({@code DATA}, 5xx: 552 too large, 554 rejected),
 * malformed address</td>
 * <td>GIVE_UP</td>
 * </tr>
 * <tr>
 * <td>anything else</td>
 * <td>RETRY (bounded by the outbox's attempts)</td>
 * </tr>
 * </table>
 * Addresses in server replies are masked in the error message (they are PII).
 */
public final class SmtpFailures {

	/** Reply codes that mean our credentials or TLS setup are wrong. */
	static final Map<Integer, Policy> CODES = Map.of(530, Policy.HALT, 534, Policy.HALT, 535, Policy.HALT, 538,
			Policy.HALT);

	private static final List<Class<? extends Throwable>> CONNECTION_FAILURES = List.of(MailConnectException.class,
			ConnectException.class, UnknownHostException.class, SocketTimeoutException.class, SSLException.class,
			IOException.class);

	private SmtpFailures() {
	}

	/**
	 * Classify a failure of {@code JavaMailSender.send}.
	 * @param failure the exception
	 * @return the exception for the outbox
	 */
	public static SendException classify(MailException failure) {
		if (failure instanceof MailAuthenticationException) {
			return exception(Policy.HALT, "535", "SMTP authentication failed", failure);
		}
		Throwable cause = failure;
		if (failure instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			cause = send.getFailedMessages().values().iterator().next();
		}
		else if (failure.getCause() != null) {
			cause = failure.getCause();
		}
		return classify(cause);
	}

	/**
	 * Classify a Jakarta Mail failure.
	 * @param failure the exception (with its chain)
	 * @return the exception for the outbox
	 */
	public static SendException classify(Throwable failure) {
		SMTPAddressFailedException recipient = find(failure, SMTPAddressFailedException.class);
		if (recipient != null) {
			int code = recipient.getReturnCode();
			return exception(code / 100 == 4 ? Policy.RETRY : byCode(code, Policy.GIVE_UP), code,
					"recipient refused: " + recipient.getMessage(), failure);
		}
		SMTPSenderFailedException sender = find(failure, SMTPSenderFailedException.class);
		if (sender != null) {
			int code = sender.getReturnCode();
			return exception(code / 100 == 4 ? Policy.RETRY : Policy.HALT, code,
					"the city's sender address was refused: " + sender.getMessage(), failure);
		}
		SMTPSendFailedException send = find(failure, SMTPSendFailedException.class);
		if (send != null) {
			int code = send.getReturnCode();
			Policy policy = (code / 100 == 4) ? Policy.RETRY : byCode(code, Policy.GIVE_UP);
			return exception(policy, code, "SMTP server refused the message: " + send.getMessage(), failure);
		}
		if (find(failure, AuthenticationFailedException.class) != null) {
			return exception(Policy.HALT, "535", "SMTP authentication failed", failure);
		}
		if (find(failure, AddressException.class) != null) {
			return exception(Policy.GIVE_UP, null, "invalid address", failure);
		}
		for (Class<? extends Throwable> type : CONNECTION_FAILURES) {
			if (find(failure, type) != null) {
				return exception(Policy.RETRY, null, "SMTP server unreachable: " + type.getSimpleName(), failure);
			}
		}
		SendFailedException invalid = find(failure, SendFailedException.class);
		if (invalid != null && invalid.getInvalidAddresses() != null && invalid.getInvalidAddresses().length > 0) {
			return exception(Policy.GIVE_UP, null, "invalid recipient address", failure);
		}
		return exception(Policy.RETRY, null, "SMTP failure: " + failure.getClass().getSimpleName(), failure);
	}

	private static Policy byCode(int code, Policy otherwise) {
		return CODES.getOrDefault(code, otherwise);
	}

	private static SendException exception(Policy policy, int code, String message, Throwable cause) {
		return exception(policy, (code > 0) ? Integer.toString(code) : null, message, cause);
	}

	private static SendException exception(Policy policy, String code, String message, Throwable cause) {
		return new SendException(policy, code, mask(message), null, cause);
	}

	/**
	 * Mask the local part of addresses: {@code bob@example.org} →
	 * {@code ***@example.org}.
	 */
	static String mask(String message) {
		return (message == null) ? null : message.replaceAll("[^\\s<>\"'(),;:]+@", "***@").strip();
	}

	/** The first throwable of a type in the cause and next-exception chain. */
	static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 20; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			Throwable next = (current instanceof MessagingException messaging && messaging.getNextException() != null)
					? messaging.getNextException() : current.getCause();
			current = (next == current) ? null : next;
		}
		return null;
	}

}

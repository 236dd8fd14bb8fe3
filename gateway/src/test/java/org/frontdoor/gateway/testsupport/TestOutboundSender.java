package org.frontdoor.gateway.testsupport;

import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A stand-in for a provider (what Twilio's REST API or an SMTP server is to a real
 * sender): it accepts messages on the channels it is told to support, hands out provider
 * ids, and fails with the {@link SendException} a test scripts for a recipient, once per
 * scripted failure. Ordered first, so it wins over any real sender in the context.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestOutboundSender implements OutboundSender {

	private final Set<Channel> supported = ConcurrentHashMap.newKeySet();

	private final Map<String, Deque<SendException>> failures = new ConcurrentHashMap<>();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	public TestOutboundSender() {
		reset();
	}

	@Override
	public boolean supports(Channel channel) {
		return this.supported.contains(channel);
	}

	@Override
	public SendReceipt send(OutboundMessage message) throws SendException {
		Deque<SendException> scripted = this.failures.get(message.to());
		SendException failure = (scripted != null) ? scripted.poll() : null;
		this.sent.add(new Sent(message, failure, System.nanoTime()));
		if (failure != null) {
			throw failure;
		}
		return new SendReceipt(providerId(message.id()), "queued");
	}

	/**
	 * The provider id this stand-in gives a message.
	 * @param messageId FrontDoor's id of the message
	 * @return the provider id
	 */
	public static String providerId(java.util.UUID messageId) {
		return "TEST-" + messageId;
	}

	/**
	 * Fail the next sends to a recipient, in order.
	 * @param to the recipient
	 * @param next the failures
	 */
	public void failNext(String to, SendException... next) {
		this.failures.computeIfAbsent(to, (key) -> new ConcurrentLinkedDeque<>()).addAll(List.of(next));
	}

	/**
	 * Support exactly these channels from now on.
	 * @param channels the channels
	 */
	public void supportOnly(Channel... channels) {
		this.supported.clear();
		this.supported.addAll(List.of(channels));
	}

	/**
	 * Every send attempt to a recipient (successful or not), in order.
	 * @param to the recipient
	 * @return the attempts
	 */
	public List<Sent> attemptsTo(String to) {
		List<Sent> attempts = new ArrayList<>();
		this.sent.stream().filter((s) -> s.message().to().equals(to)).forEach(attempts::add);
		return attempts;
	}

	/**
	 * Successful sends to a recipient.
	 * @param to the recipient
	 * @return the messages
	 */
	public List<OutboundMessage> deliveredTo(String to) {
		return attemptsTo(to).stream().filter((s) -> s.failure() == null).map(Sent::message).toList();
	}

	/** Support SMS, email and chat (not WhatsApp), fail nothing, forget what was sent. */
	public void reset() {
		this.supported.clear();
		this.supported.addAll(EnumSet.of(Channel.SMS, Channel.EMAIL, Channel.CHAT));
		this.failures.clear();
		this.sent.clear();
	}

	/**
	 * One send attempt.
	 *
	 * @param message the message
	 * @param failure what it failed with, or {@code null}
	 * @param atNanos when ({@link System#nanoTime()})
	 */
	public record Sent(OutboundMessage message, SendException failure, long atNanos) {

	}

}

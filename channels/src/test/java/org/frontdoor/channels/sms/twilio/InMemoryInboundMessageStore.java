package org.frontdoor.channels.sms.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;

/**
 * A real, in-memory {@link InboundMessageStore} for module tests (the gateway's is SQL).
 */
public class InMemoryInboundMessageStore implements InboundMessageStore {

	private final Map<String, InboundMessage> messages = new ConcurrentHashMap<>();

	private final List<InboundMessage> order = new ArrayList<>();

	@Override
	public synchronized StoreOutcome store(InboundMessage message) {
		String key = message.channel() + "|" + message.providerMessageId();
		if (this.messages.putIfAbsent(key, message) != null) {
			return StoreOutcome.DUPLICATE;
		}
		this.order.add(message);
		return StoreOutcome.ACCEPTED;
	}

	public synchronized List<InboundMessage> all() {
		return List.copyOf(this.order);
	}

	public synchronized void clear() {
		this.messages.clear();
		this.order.clear();
	}

}

package org.frontdoor.channels.email.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;

/**
 * A real, in-memory {@link InboundMessageStore} for tests: dedupes on channel and
 * provider message id like the gateway's table, counts calls, and can be told to fail (a
 * database outage) or to block (a process stopped between fetch and store).
 */
public final class InMemoryInboundMessageStore implements InboundMessageStore {

	private final Map<String, InboundMessage> messages = new ConcurrentHashMap<>();

	private final List<InboundMessage> accepted = new ArrayList<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private volatile int failuresLeft;

	private volatile int failuresAfterCommitLeft;

	private volatile Runnable beforeStore = () -> {
	};

	@Override
	public StoreOutcome store(InboundMessage message) {
		this.calls.incrementAndGet();
		this.beforeStore.run();
		if (this.failuresLeft > 0) {
			this.failuresLeft--;
			throw new IllegalStateException("database unavailable (test)");
		}
		String key = message.channel() + "|" + message.providerMessageId();
		InboundMessage previous = this.messages.putIfAbsent(key, message);
		if (previous != null) {
			this.duplicates.incrementAndGet();
			return StoreOutcome.DUPLICATE;
		}
		synchronized (this.accepted) {
			this.accepted.add(message);
		}
		if (this.failuresAfterCommitLeft > 0) {
			this.failuresAfterCommitLeft--;
			throw new IllegalStateException("connection lost after commit (test)");
		}
		return StoreOutcome.ACCEPTED;
	}

	/**
	 * Messages stored, in order.
	 * @return the messages
	 */
	public List<InboundMessage> accepted() {
		synchronized (this.accepted) {
			return List.copyOf(this.accepted);
		}
	}

	/**
	 * How many times {@link #store(InboundMessage)} was called.
	 * @return the count
	 */
	public int calls() {
		return this.calls.get();
	}

	/**
	 * Fail the next calls.
	 * @param count how many calls fail
	 */
	public void failNext(int count) {
		this.failuresLeft = count;
	}

	/**
	 * Commit the next calls, then fail them (the caller cannot know the row is there).
	 * @param count how many calls fail after committing
	 */
	public void failAfterCommitNext(int count) {
		this.failuresAfterCommitLeft = count;
	}

	/**
	 * How many calls found the message already stored.
	 * @return the count
	 */
	public int duplicates() {
		return this.duplicates.get();
	}

	/** Forget everything (between tests). */
	public void clear() {
		this.messages.clear();
		synchronized (this.accepted) {
			this.accepted.clear();
		}
		this.calls.set(0);
		this.duplicates.set(0);
		this.failuresLeft = 0;
		this.failuresAfterCommitLeft = 0;
		this.beforeStore = () -> {
		};
	}

	/**
	 * Run something at the start of every store call (e.g. block on a latch).
	 * @param hook the hook
	 */
	public void beforeStore(Runnable hook) {
		this.beforeStore = hook;
	}

}

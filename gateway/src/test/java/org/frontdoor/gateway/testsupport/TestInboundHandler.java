package org.frontdoor.gateway.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.gateway.persistence.InboundMessageHandler;

import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small conversation engine for tests: it writes one row per handled message into
 * {@code test_handled} (in the processor's transaction, like a real engine writes its
 * state), and fails on purpose when the message text says so: {@code fail always}, or
 * {@code fail N times}; {@code slow first <ms>} sleeps that long on the message's first
 * attempt in the JVM.
 */
@Primary
public class TestInboundHandler implements InboundMessageHandler {

	private final JdbcClient jdbc;

	private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final List<UUID> handled = new CopyOnWriteArrayList<>();

	private final Set<UUID> cured = ConcurrentHashMap.newKeySet();

	/** Messages already slowed down once, across every context of the JVM. */
	private static final Set<UUID> slowedDown = ConcurrentHashMap.newKeySet();

	public TestInboundHandler(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql("create table if not exists test_handled (message_id uuid not null, text text)").update();
	}

	@Override
	public void handle(InboundMessage message) throws Exception {
		int attempt = this.attempts.computeIfAbsent(message.id(), (id) -> new AtomicInteger()).incrementAndGet();
		this.jdbc.sql("insert into test_handled (message_id, text) values (:id, :text)")
			.param("id", message.id())
			.param("text", message.text())
			.update();
		if (message.text().startsWith("slow first") && slowedDown.add(message.id())) {
			// longer than the lease of the two-instance tests: another instance takes
			// over
			Thread.sleep(Long.parseLong(message.text().substring("slow first ".length())));
		}
		if (message.text().equals("fail always") && !this.cured.contains(message.id())) {
			throw new IllegalArgumentException("cannot understand this message");
		}
		if (message.text().matches("fail \\d+ times") && attempt <= Integer.parseInt(message.text().split(" ")[1])) {
			throw new Exception("engine busy (attempt " + attempt + ")");
		}
		this.handled.add(message.id());
	}

	/**
	 * Let a {@code fail always} message succeed from now on (its cause was fixed).
	 * @param id the message id
	 */
	public void cure(UUID id) {
		this.cured.add(id);
	}

	/**
	 * How often the handler was called for a message.
	 * @param id the message id
	 * @return the attempts
	 */
	public int attempts(UUID id) {
		AtomicInteger count = this.attempts.get(id);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * How many committed {@code test_handled} rows a message has.
	 * @param id the message id
	 * @return the count
	 */
	public long committedRows(UUID id) {
		return this.jdbc.sql("select count(*) from test_handled where message_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/**
	 * Messages handled successfully, in order.
	 * @return the ids
	 */
	public List<UUID> handled() {
		return this.handled;
	}

}

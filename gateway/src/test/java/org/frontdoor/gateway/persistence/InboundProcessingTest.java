package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore.StoreOutcome;
import org.frontdoor.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stored inbound messages processed off the webhook thread by the
 * {@link InboundMessageHandler} (a small engine writing its own rows in the processor's
 * transaction): exactly once, failures retried, then dead-lettered with the reason and
 * replayable from the admin API.
 */
class InboundProcessingTest extends GatewayIntegrationTest {

	static final AtomicInteger numbers = new AtomicInteger(20);

	@Autowired
	JdbcInboundMessageStore store;

	@Autowired
	DeadLetterRepository deadLetters;

	@Test
	void aStoredMessageIsHandledOnceAndARedeliveryIsIgnored() {
		InboundMessage message = message("Pothole on Main St by the library");

		assertThat(this.store.store(message)).isEqualTo(StoreOutcome.ACCEPTED);
		awaitState(message, "DONE");
		InboundMessage redelivered = new InboundMessage(UUID.randomUUID(), message.channel(), message.provider(),
				message.providerMessageId(), message.from(), message.to(), message.text(), null, null, null, null, null,
				message.receivedAt());
		assertThat(this.store.store(redelivered)).isEqualTo(StoreOutcome.DUPLICATE);

		assertThat(this.handler.committedRows(message.id())).isOne();
		assertThat(this.handler.attempts(message.id())).isOne();
		assertThat(this.handler.committedRows(redelivered.id())).isZero();
	}

	@Test
	void aFailingAttemptIsRolledBackAndRetried() {
		InboundMessage message = message("fail 2 times");
		this.store.store(message);

		awaitState(message, "DONE");

		assertThat(this.handler.attempts(message.id())).isEqualTo(3);
		assertThat(this.handler.committedRows(message.id())).as("failed attempts left nothing behind").isOne();
	}

	@Test
	void aMessageThatKeepsFailingIsDeadLetteredAndReplayedFromTheAdminApi() {
		InboundMessage message = message("fail always");
		this.store.store(message);

		awaitState(message, "DEAD", Duration.ofSeconds(40));

		DeadLetter letter = this.deadLetters.find(InboundProcessor.DEAD_LETTER_SOURCE, message.id().toString())
			.orElseThrow();
		assertThat(letter.reason()).contains("gave up after 15 attempts").contains("cannot understand this message");
		assertThat(this.handler.committedRows(message.id())).isZero();
		String shown = admin().get().uri("/admin/dead-letters/{id}", letter.id()).retrieve().body(String.class);
		String phone = message.from().substring("tel:".length());
		assertThat(shown).contains("fail always")
			.doesNotContain(phone)
			.contains("***" + phone.substring(phone.length() - 2));

		this.handler.cure(message.id());
		String replayed = admin().post()
			.uri("/admin/dead-letters/{id}/replay", letter.id())
			.retrieve()
			.body(String.class);
		assertThat(replayed).contains("\"outcome\":\"REPLAYED\"");
		awaitState(message, "DONE");
		assertThat(this.handler.committedRows(message.id())).isOne();
		assertThat(this.deadLetters.find(letter.id()).orElseThrow().replayState()).isEqualTo("REPLAYED");
	}

	private static InboundMessage message(String text) {
		int n = numbers.incrementAndGet();
		return new InboundMessage(UUID.randomUUID(), Channel.SMS, "twilio", "SM" + UUID.randomUUID(),
				"tel:+161755501" + n, "tel:+16175550100", text, null, null, null, null, null, Instant.now());
	}

	private void awaitState(InboundMessage message, String state) {
		awaitState(message, state, Duration.ofSeconds(15));
	}

	private void awaitState(InboundMessage message, String state, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.store.state(message.id()).orElse(""), state::equals);
	}

}

package org.frontdoor.gateway.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.DeliveryReportListener;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.core.SendException.Policy;
import org.frontdoor.gateway.persistence.DeadLetter;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.testsupport.GatewayIntegrationTest;
import org.frontdoor.gateway.testsupport.TestOutboundSender;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound outbox delivering through an {@code OutboundSender} (a stand-in provider
 * on this JVM) and applying each {@link SendException.Policy}; delivery reports recorded
 * on the rows they are about.
 */
class OutboundWorkerTest extends GatewayIntegrationTest {

	static final AtomicInteger numbers = new AtomicInteger(10);

	@Autowired
	OutboundOutbox outbox;

	@Autowired
	OptOutRepository optOuts;

	@Autowired
	DeadLetterRepository deadLetters;

	@Autowired
	DeliveryReportListener reports;

	@Autowired
	DeliveryReports deliveryReports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void deliversThroughTheSenderOfItsChannel() {
		OutboundMessage message = message(Channel.SMS, resident(), "Your report #1001 was received.");
		assertThat(this.outbox.enqueue(message)).isTrue();

		OutboundOutbox.Delivery delivery = awaitState(message, "DONE");

		assertThat(delivery.providerMessageId()).isEqualTo(TestOutboundSender.providerId(message.id()));
		assertThat(delivery.deliveryStatus()).isEqualTo("queued");
		assertThat(this.sender.deliveredTo(message.to())).singleElement()
			.satisfies((sent) -> assertThat(sent.text()).isEqualTo("Your report #1001 was received."));
	}

	@Test
	void aRetryWaitsAtLeastAsLongAsTheProviderAsked() {
		String to = resident();
		// the provider asks for 1.5 s, longer than the 400 ms maximum backoff of the
		// tests
		this.sender.failNext(to,
				new SendException(Policy.RETRY, "429", "Too many requests", Duration.ofMillis(1500), null));
		OutboundMessage message = message(Channel.SMS, to, "retry me");
		this.outbox.enqueue(message);

		OutboundOutbox.Delivery delivery = awaitState(message, "DONE");

		List<TestOutboundSender.Sent> attempts = this.sender.attemptsTo(to);
		assertThat(attempts).hasSize(2);
		assertThat(Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1400));
		assertThat(delivery.attempts()).isEqualTo(2);
	}

	@Test
	void aPermanentFailureIsDeadLetteredAndCanBeReplayed() {
		String to = resident();
		this.sender.failNext(to, new SendException(Policy.GIVE_UP, "21211", "Invalid 'To' phone number"));
		OutboundMessage message = message(Channel.SMS, to, "give up");
		this.outbox.enqueue(message);

		OutboundOutbox.Delivery dead = awaitState(message, "DEAD");

		assertThat(dead.lastError()).contains("21211");
		DeadLetter letter = this.deadLetters.find(OutboundWorker.DEAD_LETTER_SOURCE, message.id().toString())
			.orElseThrow();
		assertThat(letter.reason()).contains("Invalid 'To' phone number");
		String listed = admin().get().uri("/admin/dead-letters?source=outbox.outbound").retrieve().body(String.class);
		assertThat(listed).contains(letter.id().toString()).doesNotContain(to.substring(4));

		admin().post().uri("/admin/dead-letters/{id}/replay", letter.id()).retrieve().toBodilessEntity();
		awaitState(message, "DONE");
		assertThat(this.sender.deliveredTo(to)).hasSize(1);
	}

	@Test
	void aCarrierOptOutIsRecordedAndNothingMoreIsSentToThatAddress() {
		String to = resident();
		this.sender.failNext(to,
				new SendException(Policy.OPT_OUT, "21610", "Attempt to send to unsubscribed recipient"));
		OutboundMessage first = message(Channel.SMS, to, "first");
		this.outbox.enqueue(first);

		assertThat(awaitState(first, "DONE").deliveryStatus()).isEqualTo("opted-out");
		assertThat(this.optOuts.isOptedOut(Channel.SMS, to)).isTrue();

		OutboundMessage second = message(Channel.SMS, to, "second");
		this.outbox.enqueue(second);
		assertThat(awaitState(second, "DONE").deliveryStatus()).isEqualTo("suppressed-opt-out");
		assertThat(this.sender.attemptsTo(to)).hasSize(1);
		assertThat(this.optOuts.isOptedOut(Channel.EMAIL, to)).as("an opt-out is per channel").isFalse();

		// the one message that may still go: the confirmation of a STOP
		OutboundMessage confirmation = message(Channel.SMS, to, "You are unsubscribed.");
		this.outbox.enqueue(confirmation, new OutboundOutbox.Options(null, null, true));
		awaitState(confirmation, "DONE");
		assertThat(this.sender.deliveredTo(to)).extracting(OutboundMessage::text)
			.containsExactly("You are unsubscribed.");
	}

	@Test
	void badCredentialsHaltOnlyThatChannelUntilAnAdminResumesIt() {
		String to = "mailto:resident" + numbers.incrementAndGet() + "@example.org";
		this.sender.failNext(to, new SendException(Policy.HALT, "535", "Authentication failed"));
		OutboundMessage email = message(Channel.EMAIL, to, "halt");
		this.outbox.enqueue(email);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.control.isHalted("outbound.email"));
		OutboundMessage sms = message(Channel.SMS, resident(), "other channels go on");
		this.outbox.enqueue(sms);
		awaitState(sms, "DONE");
		assertThat(this.outbox.delivery(email.id()).state()).isEqualTo("PENDING");
		assertThat(this.outbox.delivery(email.id()).attempts()).as("a halt burns no attempt").isZero();
		String health = anonymous().get().uri("/actuator/health").retrieve().body(String.class);
		assertThat(health).contains("\"status\":\"HALTED\"").contains("Authentication failed");
		assertThat(admin().get().uri("/admin/queues").retrieve().body(String.class)).contains("outbound.email");

		String resumed = admin().post().uri("/admin/queues/outbound.email/resume").retrieve().body(String.class);
		assertThat(resumed).contains("\"rowsReleased\":1");
		awaitState(email, "DONE");
		assertThat(this.sender.deliveredTo(to)).hasSize(1);
	}

	@Test
	void aMessageWaitsWhileNoSenderSupportsItsChannel() {
		OutboundMessage whatsapp = message(Channel.WHATSAPP, "whatsapp:+16175550142", "waiting");
		this.outbox.enqueue(whatsapp);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.outbox.delivery(whatsapp.id()).lastError() != null);
		OutboundOutbox.Delivery waiting = this.outbox.delivery(whatsapp.id());
		assertThat(waiting.state()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isZero();
		assertThat(waiting.lastError()).contains("no OutboundSender for channel WHATSAPP");
		assertThat(admin().get().uri("/admin/queues").retrieve().body(String.class))
			.contains("no OutboundSender for channel WHATSAPP");

		this.sender.supportOnly(Channel.SMS, Channel.EMAIL, Channel.CHAT, Channel.WHATSAPP);
		this.jdbc.sql("update outbound_message set next_attempt_at = now() where id = :id")
			.param("id", whatsapp.id())
			.update();
		awaitState(whatsapp, "DONE");
	}

	@Test
	void aDedupeKeyQueuesAMessageOnce() {
		String to = resident();
		OutboundOutbox.Options options = new OutboundOutbox.Options("status-change:42:" + to, null, false);

		assertThat(this.outbox.enqueue(message(Channel.SMS, to, "closed"), options)).isTrue();
		assertThat(this.outbox.enqueue(message(Channel.SMS, to, "closed"), options)).isFalse();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.sender.deliveredTo(to).size() == 1);
		assertThat(this.jdbc.sql("select count(*) from outbound_message where recipient = :to")
			.param("to", to)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void notBeforeHoldsAMessageUntilItsTime() {
		String to = resident();
		long enqueued = System.nanoTime();
		OutboundMessage morning = message(Channel.SMS, to, "good morning");
		this.outbox.enqueue(morning,
				new OutboundOutbox.Options(null, Instant.now().plus(Duration.ofMillis(1500)), false));

		awaitState(morning, "DONE");

		assertThat(Duration.ofNanos(this.sender.attemptsTo(to).get(0).atNanos() - enqueued))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1400));
	}

	@Test
	void messagesToOneAddressLeaveInTheOrderTheyWereQueued() {
		// written in one transaction, as a conversation step writes its replies: they
		// share created_at and next_attempt_at, and two outbound workers are running
		String first = resident();
		String second = resident();
		List<String> texts = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj((n) -> "part " + n).toList();
		List<OutboundMessage> queued = new java.util.ArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			for (String text : texts) {
				for (String to : List.of(first, second)) {
					OutboundMessage message = message(Channel.SMS, to, text);
					this.outbox.enqueue(message);
					queued.add(message);
				}
			}
		});

		queued.forEach((message) -> awaitState(message, "DONE"));

		assertThat(this.sender.deliveredTo(first)).extracting(OutboundMessage::text).containsExactlyElementsOf(texts);
		assertThat(this.sender.deliveredTo(second)).extracting(OutboundMessage::text).containsExactlyElementsOf(texts);
	}

	@Test
	void anEarlierMessageThatIsWaitingDoesNotHoldLaterOnesBack() {
		String to = resident();
		OutboundMessage morning = message(Channel.SMS, to, "sent after quiet hours");
		this.outbox.enqueue(morning,
				new OutboundOutbox.Options(null, Instant.now().plus(Duration.ofMillis(1500)), false));
		OutboundMessage reply = message(Channel.SMS, to, "a reply right now");
		this.outbox.enqueue(reply);

		awaitState(reply, "DONE");
		assertThat(this.outbox.delivery(morning.id()).state()).isEqualTo("PENDING");
		awaitState(morning, "DONE");
		assertThat(this.sender.deliveredTo(to)).extracting(OutboundMessage::text)
			.containsExactly("a reply right now", "sent after quiet hours");
	}

	@Test
	void aLaterMessageDoesNotOvertakeOneThatIsDue() {
		// the first message is claimable again (its worker died: lease over) and the
		// second
		// is due at the same time: the second waits for the first
		String to = resident();
		OutboundMessage earlier = message(Channel.SMS, to, "earlier");
		OutboundMessage later = message(Channel.SMS, to, "later");
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.enqueue(earlier, new OutboundOutbox.Options(null, Instant.now().plusSeconds(3600), false));
			this.outbox.enqueue(later, new OutboundOutbox.Options(null, Instant.now().plusSeconds(3600), false));
			this.jdbc
				.sql("update outbound_message set state = 'IN_FLIGHT', attempts = 1, claimed_by = 'dead-worker', "
						+ "lease_until = now() + interval '1 second' where id = :id")
				.param("id", earlier.id())
				.update();
			this.jdbc.sql("update outbound_message set next_attempt_at = now() where id = :id")
				.param("id", later.id())
				.update();
		});

		awaitState(later, "DONE");
		assertThat(this.sender.deliveredTo(to)).extracting(OutboundMessage::text).containsExactly("earlier", "later");
		assertThat(this.sender.attemptsTo(to).get(1).atNanos())
			.isGreaterThan(this.sender.attemptsTo(to).get(0).atNanos());
	}

	@Test
	void deliveryReportsAreRecordedOnceAndNeverMoveBackwards() {
		OutboundMessage message = message(Channel.SMS, resident(), "report me");
		this.outbox.enqueue(message);
		awaitState(message, "DONE");
		String sid = TestOutboundSender.providerId(message.id());
		Instant t = Instant.now();

		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "sent", null, null, t.plusSeconds(1)));
		assertThat(this.outbox.delivery(message.id()).deliveryStatus()).isEqualTo("sent");
		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "delivered", null, null, t.plusSeconds(2)));
		// a late callback of an earlier stage, and a repeated one
		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "sent", null, null, t.plusSeconds(3)));
		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "delivered", null, null, t.plusSeconds(2)));

		assertThat(this.outbox.delivery(message.id()).deliveryStatus()).isEqualTo("delivered");
		assertThat(this.optOuts.isOptedOut(Channel.SMS, message.to())).isFalse();
	}

	@Test
	void aCarrierOptOutReportRecordsAnOptOut() {
		OutboundMessage message = message(Channel.SMS, resident(), "stop me");
		this.outbox.enqueue(message);
		awaitState(message, "DONE");

		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, TestOutboundSender.providerId(message.id()),
				"undelivered", "21610", Policy.OPT_OUT, Instant.now()));

		OutboundOutbox.Delivery delivery = this.outbox.delivery(message.id());
		assertThat(delivery.deliveryStatus()).isEqualTo("undelivered");
		assertThat(delivery.deliveryErrorCode()).isEqualTo("21610");
		assertThat(this.optOuts.isOptedOut(Channel.SMS, message.to())).isTrue();
	}

	@Test
	void aReportFasterThanTheSendIsKeptAndAppliedWhenTheIdIsRecorded() {
		OutboundMessage message = message(Channel.SMS, resident(), "fast callback");
		String sid = TestOutboundSender.providerId(message.id());
		this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "delivered", null, null, null));
		assertThat(this.deadLetters.findNew(DeliveryReports.DEAD_LETTER_SOURCE, "SMS:" + sid + ":")).hasSize(1);

		this.outbox.enqueue(message);
		awaitState(message, "DONE");

		assertThat(this.outbox.delivery(message.id()).deliveryStatus()).isEqualTo("delivered");
		assertThat(this.deadLetters.findNew(DeliveryReports.DEAD_LETTER_SOURCE, "SMS:" + sid + ":")).isEmpty();
	}

	/**
	 * The callback's transaction has looked for the row (not there yet) and kept the
	 * report, but not committed, when the worker records the provider id and looks for
	 * early reports: without a lock each misses the other and the message stays "queued"
	 * with the report left as a dead letter.
	 */
	@Test
	void aReportAndTheSendThatRecordsItsIdAtTheSameMomentDoNotMissEachOther() throws Exception {
		OutboundMessage message = message(Channel.SMS, resident(), "racing callback");
		this.outbox.enqueue(message, new OutboundOutbox.Options(null, Instant.now().plus(Duration.ofHours(1)), false));
		String sid = "SMrace" + message.id().toString().replace("-", "");
		CountDownLatch reported = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> callback = threads.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.reports.onDeliveryReport(new DeliveryReport(Channel.SMS, sid, "delivered", null, null, null));
				reported.countDown();
				await().atMost(Duration.ofSeconds(20)).until(() -> commit.getCount() == 0);
			}));
			assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> send = threads.submit(() -> this.transactions.executeWithoutResult(
					(status) -> this.deliveryReports.recordSent(message.id(), Channel.SMS, sid, "queued")));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> send.isDone()
						|| this.jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
							.query(Long.class)
							.single() > 0);
			commit.countDown();
			callback.get(20, TimeUnit.SECONDS);
			send.get(20, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
			this.jdbc.sql("update outbound_message set state = 'DONE' where id = :id")
				.param("id", message.id())
				.update();
		}

		assertThat(this.outbox.delivery(message.id()).deliveryStatus()).isEqualTo("delivered");
		assertThat(this.deadLetters.findNew(DeliveryReports.DEAD_LETTER_SOURCE, "SMS:" + sid + ":")).isEmpty();
	}

	private static String resident() {
		return "tel:+161755501" + numbers.incrementAndGet();
	}

	private static OutboundMessage message(Channel channel, String to, String text) {
		return new OutboundMessage(UUID.randomUUID(), channel, to, null, text, null, null, null, null, null);
	}

	private OutboundOutbox.Delivery awaitState(OutboundMessage message, String state) {
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.outbox.delivery(message.id()), (delivery) -> state.equals(delivery.state()));
		return this.outbox.delivery(message.id());
	}

}

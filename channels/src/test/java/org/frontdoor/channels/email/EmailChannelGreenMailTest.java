package org.frontdoor.channels.email;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.email.inbound.EmailInboundListener;
import org.frontdoor.channels.email.inbound.EmailIngestService;
import org.frontdoor.channels.email.outbound.EmailSender;
import org.frontdoor.channels.email.support.InMemoryDeadLetterSink;
import org.frontdoor.channels.email.support.InMemoryInboundMessageStore;
import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.email.support.MailFixtures;
import org.frontdoor.channels.email.support.Samples;
import org.frontdoor.channels.email.support.TcpProxy;
import org.frontdoor.channels.email.support.TestEmailProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.support.SmartLifecycleRoleController;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The email channel against real IMAP and SMTP servers on loopback (GreenMail), wired by
 * its auto-configuration, with real in-memory stores. The listener reaches GreenMail's
 * IMAP port through a {@link TcpProxy} so tests can cut the connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		classes = EmailChannelGreenMailTest.TestApplication.class,
		properties = "logging.level.org.frontdoor.channels.email=DEBUG")
class EmailChannelGreenMailTest {

	static final String RESIDENT = "resident@example.org";

	static final String PASSWORD = "test-only-password";

	static final GreenMail greenMail = startGreenMail();

	static final TcpProxy proxy = startProxy();

	@Autowired
	InMemoryInboundMessageStore store;

	@Autowired
	InMemoryMediaStore media;

	@Autowired
	InMemoryDeadLetterSink deadLetters;

	@Autowired
	EmailInboundListener listener;

	@Autowired
	EmailSender sender;

	@Autowired
	SmartLifecycleRoleController roleController;

	@Autowired
	List<OutboundSender> senders;

	static GreenMail startGreenMail() {
		ServerSetup[] setups = ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP);
		for (ServerSetup setup : setups) {
			setup.setServerStartupTimeout(30_000);
		}
		GreenMail server = new GreenMail(setups);
		server.start();
		server.setUser(TestEmailProperties.CITY, TestEmailProperties.CITY, PASSWORD);
		server.setUser(RESIDENT, RESIDENT, PASSWORD);
		return server;
	}

	static TcpProxy startProxy() {
		try {
			return new TcpProxy(greenMail.getImap().getPort());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void mailServers(DynamicPropertyRegistry registry) {
		String prefix = EmailProperties.PREFIX + ".";
		registry.add(prefix + "enabled", () -> "true");
		registry.add(prefix + "address", () -> TestEmailProperties.CITY);
		registry.add(prefix + "display-name", () -> "City of Cambridge 311");
		registry.add(prefix + "trusted-authserv-ids", () -> "mx.city.example");
		registry.add(prefix + "imap.host", () -> "localhost");
		registry.add(prefix + "imap.port", proxy::port);
		registry.add(prefix + "imap.ssl", () -> "false");
		registry.add(prefix + "imap.username", () -> TestEmailProperties.CITY);
		registry.add(prefix + "imap.password", () -> PASSWORD);
		registry.add(prefix + "imap.poll-interval", () -> "10s");
		registry.add(prefix + "imap.reconnect-initial-delay", () -> "200ms");
		registry.add(prefix + "imap.reconnect-max-delay", () -> "1s");
		registry.add(prefix + "imap.shutdown-timeout", () -> "2s");
		registry.add(prefix + "smtp.host", () -> "localhost");
		registry.add(prefix + "smtp.port", () -> greenMail.getSmtp().getPort());
		registry.add(prefix + "smtp.starttls", () -> "false");
	}

	@AfterAll
	static void stopServers() throws Exception {
		proxy.close();
		greenMail.stop();
	}

	@BeforeEach
	void reset() throws Exception {
		if (!this.listener.isRunning()) {
			this.listener.start();
		}
		onALargeStack(greenMail::purgeEmailFromAllMailboxes);
		this.store.clear();
		this.media.clear();
		this.deadLetters.clear();
		proxy.accept(true);
	}

	@Test
	void residentMailWithGpsPhotoIsStoredWithTheLocationAndAnExifFreePhotoThenMarkedAndMoved() throws Exception {
		byte[] photo = Samples.resource("/media/iphone_photo_gps.jpg");
		MimeMessage mail = MailFixtures.residentMail(RESIDENT, "<trash-1@example.org>", "Overflowing trash can",
				"overflowing trash can on this corner\n\nSent from my iPhone", photo, "image/jpeg", "IMG_0001.JPG");

		smtp(mail);

		InboundMessage message = awaitStored(1).get(0);
		assertThat(message.channel()).isEqualTo(Channel.EMAIL);
		assertThat(message.provider()).isEqualTo("imap");
		assertThat(message.providerMessageId()).isEqualTo("<trash-1@example.org>");
		assertThat(message.from()).isEqualTo("mailto:" + RESIDENT);
		assertThat(message.to()).isEqualTo("mailto:" + TestEmailProperties.CITY);
		assertThat(message.text()).isEqualTo("overflowing trash can on this corner");
		assertThat(message.subject()).isEqualTo("Overflowing trash can");
		assertThat(message.threadKey()).isEqualTo("<trash-1@example.org>");
		assertThat(message.metadata()).containsEntry(EmailMetadata.AUTH_DMARC, "pass")
			.containsEntry(EmailMetadata.AUTH_TRUSTED, "true")
			.containsEntry(EmailMetadata.SENDER_AUTH, "pass")
			.containsEntry(EmailMetadata.STATUS_UPDATES, EmailMetadata.STATUS_UPDATES_ALLOW);
		assertThat(message.media()).singleElement().satisfies((photoMedia) -> {
			assertThat(photoMedia.contentType()).isEqualTo("image/jpeg");
			assertThat(photoMedia.filename()).isEqualTo("IMG_0001.JPG");
			assertThat(photoMedia.exifLocation()).isNotNull();
			assertThat(photoMedia.exifLocation().latitude()).isCloseTo(42.36732, within(1e-5));
			assertThat(photoMedia.exifLocation().longitude()).isCloseTo(-71.10569, within(1e-5));
			MediaStore.StoredMedia stored = this.media.find(photoMedia.storedMediaId()).orElseThrow();
			assertThat(stored.bytes()).isNotEqualTo(photo);
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.bytes()));
			assertThat(metadata.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
			assertThat(new String(stored.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
				.doesNotContain("Resident Name")
				.doesNotContain("C3XPH1234");
		});
		awaitFolder("FrontDoor/Processed", 1);
		assertThat(messagesIn("INBOX")).isEmpty();
		assertThat(messagesIn("FrontDoor/Processed").get(0).seen()).isTrue();
	}

	@Test
	void autoReplyIsIgnoredMovedAsideAndNeverAnswered() throws Exception {
		deliver(MailFixtures.autoReply("out-of-office@example.org"));

		awaitFolder("FrontDoor/Ignored", 1);
		assertThat(this.store.accepted()).isEmpty();
		assertThat(this.store.calls()).isZero();
		assertThat(this.deadLetters.letters()).isEmpty();
		assertThat(messagesIn("INBOX")).isEmpty();
		assertThat(greenMail.getReceivedMessagesForDomain("example.org")).as("nothing is sent back").isEmpty();
	}

	@Test
	void replyAndStatusUpdateAreThreadedAndTheResidentsAnswerContinuesTheThread() throws Exception {
		smtp(MailFixtures.residentMail(RESIDENT, "<streetlight-1@example.org>", "Streetlight out on Elm St",
				"the streetlight in front of 12 Elm St has been out for a week", null, null, null));
		InboundMessage inbound = awaitStored(1).get(0);
		assertThat(this.senders).contains(this.sender);

		OutboundMessage reply = new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, inbound.from(), null,
				"Thanks, we filed request #101.", inbound.subject(), "<p>Thanks, we filed request <b>#101</b>.</p>",
				List.of(), List.of(), EmailThreading.replyHeaders(inbound));
		OutboundSender.SendReceipt replyReceipt = this.sender.send(reply);

		MimeMessage sentReply = awaitReceived(RESIDENT, 1).get(0);
		assertThat(sentReply.getHeader("Message-ID")[0]).isEqualTo(replyReceipt.providerMessageId());
		assertThat(replyReceipt.providerMessageId()).isEqualTo("<frontdoor." + reply.id() + "@city.example>");
		assertThat(sentReply.getHeader("In-Reply-To")[0]).isEqualTo("<streetlight-1@example.org>");
		assertThat(sentReply.getHeader("References")[0]).isEqualTo("<streetlight-1@example.org>");
		assertThat(sentReply.getSubject()).isEqualTo("Re: Streetlight out on Elm St");
		assertThat(sentReply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
		assertThat(sentReply.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("All");
		assertThat(sentReply.getFrom()[0].toString()).isEqualTo("City of Cambridge 311 <311@city.example>");
		assertThat(sentReply.getContentType()).startsWith("multipart/alternative");
		MimeMultipart alternative = (MimeMultipart) sentReply.getContent();
		assertThat(alternative.getCount()).isEqualTo(2);
		assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(alternative.getBodyPart(0).getContent().toString()).contains("request #101");
		assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");

		Map<String, String> updateHeaders = new java.util.HashMap<>(
				EmailThreading.headers(replyReceipt.providerMessageId(), List.of("<streetlight-1@example.org>")));
		updateHeaders.put(EmailHeaders.AUTO_SUBMITTED, EmailHeaders.AUTO_GENERATED);
		OutboundMessage update = new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, inbound.from(), null,
				"Request #101 is now closed.", "Re: " + inbound.subject(), null, List.of(), List.of(), updateHeaders);
		OutboundSender.SendReceipt updateReceipt = this.sender.send(update);

		MimeMessage sentUpdate = awaitReceived(RESIDENT, 2).get(1);
		assertThat(sentUpdate.getHeader("Message-ID")[0]).isEqualTo(updateReceipt.providerMessageId());
		assertThat(sentUpdate.getHeader("In-Reply-To")[0]).isEqualTo(replyReceipt.providerMessageId());
		assertThat(sentUpdate.getHeader("References")[0])
			.isEqualTo("<streetlight-1@example.org> " + replyReceipt.providerMessageId());
		assertThat(sentUpdate.getSubject()).isEqualTo("Re: Streetlight out on Elm St");
		assertThat(sentUpdate.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(sentUpdate.getContentType()).startsWith("text/plain");

		MimeMessage answer = MailFixtures.residentMail(RESIDENT, "<answer-1@example.org>",
				"Re: Streetlight out on Elm St", "Thank you!\n\nOn Tue, Nov 3, 2026 at 10:00 AM City of Cambridge 311 "
						+ "<311@city.example> wrote:\n> Request #101 is now closed.",
				null, null, null);
		answer.setHeader("In-Reply-To", updateReceipt.providerMessageId());
		answer.setHeader("References", "<streetlight-1@example.org> " + replyReceipt.providerMessageId() + " "
				+ updateReceipt.providerMessageId());
		answer.saveChanges();
		smtp(answer);

		InboundMessage continued = awaitStored(2).get(1);
		assertThat(continued.text()).isEqualTo("Thank you!");
		assertThat(continued.threadKey()).isEqualTo(inbound.threadKey());
		assertThat(continued.metadata()).containsEntry(EmailMetadata.REPLY_TO_FRONTDOOR, "true")
			.containsEntry(EmailMetadata.IN_REPLY_TO, updateReceipt.providerMessageId());
	}

	@Test
	void poisonMessagesNeverBlockTheMailbox() throws Exception {
		// All in the mailbox before the listener looks: one batch with the poison first.
		this.listener.stop();
		onALargeStack(() -> {
			deliver(MailFixtures.malformedMime(RESIDENT));
			deliver(MailFixtures.deeplyNested(RESIDENT, 8000));
			deliver(MailFixtures.emptyMultipart(RESIDENT));
			deliver(MailFixtures.unknownCharset(RESIDENT));
			greenMail.getUserManager()
				.getUser(TestEmailProperties.CITY)
				.deliver(MailFixtures.residentMail(RESIDENT, "<huge-1@example.org>", "Big photo", "see attached",
						MailFixtures.randomBytes(30 * 1024 * 1024, 3), "image/jpeg", "huge.jpg"));
			smtp(MailFixtures.residentMail(RESIDENT, "<after-poison@example.org>", "Graffiti",
					"graffiti on the library wall", null, null, null));
		});
		this.listener.start();

		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
			assertThat(this.store.accepted()).hasSize(2);
			assertThat(this.deadLetters.letters()).hasSize(4);
			assertThat(messagesIn("INBOX")).extracting(Snapshot::messageId).isSubsetOf("<nested-8000@example.org>");
		});
		assertThat(this.store.accepted()).extracting(InboundMessage::providerMessageId)
			.containsExactlyInAnyOrder("<unknown-charset-1@example.org>", "<after-poison@example.org>");
		InboundMessage unknownCharset = this.store.accepted()
			.stream()
			.filter((message) -> message.providerMessageId().equals("<unknown-charset-1@example.org>"))
			.findFirst()
			.orElseThrow();
		assertThat(unknownCharset.text()).isEqualTo("Hay un bache enorme en la calle Mayor, esquina con Jesús.");
		assertThat(unknownCharset.subject()).isEqualTo("Bache en la calle");
		assertThat(this.deadLetters.letters()).extracting((letter) -> letter.key() + " " + letter.reason())
			.anySatisfy((line) -> assertThat(line).startsWith("<malformed-1@example.org> no-content"))
			.anySatisfy((line) -> assertThat(line).startsWith("<nested-8000@example.org> no-content")
				.contains("MIME nesting deeper than 32 levels skipped"))
			.anySatisfy((line) -> assertThat(line).startsWith("<empty-multipart-1@example.org> no-content"))
			.anySatisfy((line) -> assertThat(line).startsWith("<huge-1@example.org> too-large"));
		InMemoryDeadLetterSink.DeadLetter huge30 = this.deadLetters.letters()
			.stream()
			.filter((letter) -> letter.key().equals("<huge-1@example.org>"))
			.findFirst()
			.orElseThrow();
		assertThat(huge30.contentType()).isEqualTo("text/rfc822-headers");
		assertThat(huge30.payload().length).as("only the headers were downloaded").isLessThan(4096);
		awaitFolder("FrontDoor/Processed", 2);
		// GreenMail re-parses a message on COPY; for the 8,000-deep one that takes a
		// minute
		// and it may drop the connection afterwards, so a mail whose move was cut off
		// stays
		// in INBOX, marked seen (its outcome is already durable) and never fetched again.
		assertThat(messagesIn("FrontDoor/Rejected")).extracting(Snapshot::messageId)
			.contains("<malformed-1@example.org>", "<empty-multipart-1@example.org>", "<huge-1@example.org>");
		List<String> nested = new ArrayList<>();
		messagesIn("FrontDoor/Rejected").forEach((message) -> nested.add(message.messageId()));
		messagesIn("INBOX").forEach((message) -> nested.add(message.messageId()));
		assertThat(nested).contains("<nested-8000@example.org>");
		int storeCalls = this.store.calls();
		Thread.sleep(3000);
		assertThat(this.store.calls()).as("no mail is fetched again").isEqualTo(storeCalls);
		assertThat(this.deadLetters.letters()).hasSize(4);
		assertThat(this.listener.isRunning()).isTrue();
	}

	@Test
	void connectionDroppedMidFetchIsReconnectedAndTheMailStoredOnce() throws Exception {
		int connectionsBefore = proxy.connections();
		byte[] document = MailFixtures.randomBytes(3 * 1024 * 1024, 11);
		proxy.dropAfterDownstreamBytes(512 * 1024);
		smtp(MailFixtures.residentMail(RESIDENT, "<pothole-big@example.org>", "Pothole report",
				"pothole on Main St, report attached", document, "application/pdf", "report.pdf"));

		InboundMessage message = awaitStored(1).get(0);
		assertThat(message.text()).isEqualTo("pothole on Main St, report attached");
		assertThat(message.metadata().get(EmailMetadata.ATTACHMENTS_IGNORED))
			.isEqualTo("1: application/pdf report.pdf");
		assertThat(proxy.drops()).isGreaterThanOrEqualTo(1);
		assertThat(proxy.connections()).as("the listener reconnected").isGreaterThan(connectionsBefore);
		awaitFolder("FrontDoor/Processed", 1);
		assertThat(this.store.accepted()).hasSize(1);
		assertThat(messagesIn("INBOX")).isEmpty();
	}

	@Test
	void serverDownThenUpIsReconnectedWithBackoff() throws Exception {
		proxy.accept(false);
		proxy.dropAll();
		Thread.sleep(1500);
		smtp(MailFixtures.residentMail(RESIDENT, "<while-down@example.org>", "Fallen tree",
				"a tree fell across Oak Ave", null, null, null));
		Thread.sleep(1000);
		assertThat(this.store.accepted()).as("nothing can be fetched while the server is unreachable").isEmpty();
		assertThat(this.listener.isConnected()).isFalse();

		proxy.accept(true);

		assertThat(awaitStored(1).get(0).providerMessageId()).isEqualTo("<while-down@example.org>");
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(10)).until(this.listener::isConnected);
	}

	@Test
	void restartBetweenFetchAndStoreLosesNothingAndStoresNothingTwice() throws Exception {
		// 1. The process stops after fetching, while the row is being written: nothing is
		// committed.
		this.store.beforeStore(blockCall(1));
		smtp(MailFixtures.residentMail(RESIDENT, "<restart-1@example.org>", "Abandoned car",
				"abandoned car on 5th St for two weeks", null, null, null));
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(30)).until(() -> this.store.calls() == 1);
		this.listener.stop();
		assertThat(this.store.accepted()).isEmpty();
		assertThat(messagesIn("INBOX")).singleElement().satisfies((message) -> assertThat(message.seen()).isFalse());
		this.store.beforeStore(() -> {
		});
		this.listener.start();
		assertThat(awaitStored(1).get(0).providerMessageId()).isEqualTo("<restart-1@example.org>");
		awaitFolder("FrontDoor/Processed", 1);

		// 2. The row is committed, then the process stops before the mail is marked and
		// moved.
		int calls = this.store.calls();
		this.store.failAfterCommitNext(1);
		this.store.beforeStore(blockCall(calls + 2));
		smtp(MailFixtures.residentMail(RESIDENT, "<restart-2@example.org>", "Broken bench",
				"broken bench in Central Square", null, null, null));
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(30)).until(() -> this.store.calls() == calls + 2);
		this.listener.stop();
		assertThat(this.store.accepted()).hasSize(2);
		assertThat(messagesIn("INBOX")).as("stored but not acknowledged").hasSize(1);
		this.store.beforeStore(() -> {
		});
		this.listener.start();
		awaitFolder("FrontDoor/Processed", 2);
		assertThat(this.store.accepted()).hasSize(2);
		assertThat(this.store.duplicates()).as("the redelivery was recognized").isEqualTo(1);
		assertThat(messagesIn("INBOX")).isEmpty();
	}

	/**
	 * A store hook that blocks the n-th store call until the listener is stopped
	 * (interrupted).
	 */
	private Runnable blockCall(int n) {
		return () -> {
			if (this.store.calls() == n) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("process stopped while storing (test)");
				}
			}
		};
	}

	@Test
	void listenerIsInItsLeaderRoleAndStartsAndStopsWithIt() throws Exception {
		assertThat(this.roleController.getRoles()).contains(EmailInboundListener.ROLE);
		this.roleController.stopLifecyclesInRole(EmailInboundListener.ROLE);
		assertThat(this.listener.isRunning()).isFalse();
		assertThat(this.roleController.noEndpointsRunning(EmailInboundListener.ROLE)).isTrue();
		smtp(MailFixtures.residentMail(RESIDENT, "<leader-1@example.org>", "Noise", "loud music at night", null, null,
				null));
		Thread.sleep(1500);
		assertThat(this.store.accepted()).as("a follower does not read the mailbox").isEmpty();

		this.roleController.startLifecyclesInRole(EmailInboundListener.ROLE);

		assertThat(this.listener.isRunning()).isTrue();
		assertThat(awaitStored(1).get(0).providerMessageId()).isEqualTo("<leader-1@example.org>");
	}

	private List<InboundMessage> awaitStored(int count) {
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60)).until(() -> this.store.accepted().size() >= count);
		return this.store.accepted();
	}

	/**
	 * Awaitility without its default of rethrowing every thread's uncaught exceptions:
	 * GreenMail's connection threads throw one ("Can not handle IMAP connection", broken
	 * pipe) when the proxy cuts a connection under them, as these tests do on purpose.
	 * That is the test server's complaint, not FrontDoor's; the listener's own failures
	 * show in what the tests assert (mail stored once, folders, reconnections).
	 * @return the condition factory
	 */
	private static ConditionFactory awaitIgnoringServerThreads() {
		return await().dontCatchUncaughtExceptions();
	}

	/** Send a mail through GreenMail's SMTP server, as a resident's mail client would. */
	private static void smtp(MimeMessage message) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "localhost");
		properties.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
		Transport transport = Session.getInstance(properties).getTransport("smtp");
		transport.connect();
		try {
			transport.sendMessage(message, message.getAllRecipients());
		}
		finally {
			transport.close();
		}
	}

	/**
	 * GreenMail parses stored messages recursively (to build its IMAP structures), also
	 * when later mail is delivered next to them, which needs a deep stack for the
	 * 8,000-level message: run such steps on a thread with one (FrontDoor's own parser
	 * never recurses that deep).
	 */
	private static void onALargeStack(ThrowingRunnable steps) throws Exception {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				steps.run();
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, "greenmail-deliver", 512L * 1024 * 1024);
		thread.start();
		thread.join();
		if (failure.get() != null) {
			throw new IllegalStateException("GreenMail could not store the test mail", failure.get());
		}
	}

	private static void deliver(byte[] raw) throws Exception {
		GreenMailUser user = greenMail.getUserManager().getUser(TestEmailProperties.CITY);
		user.deliver(MailFixtures.parse(raw));
	}

	/** A test step that may throw. */
	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

	private static void awaitFolder(String folder, int count) {
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(messagesIn(folder)).hasSize(count));
	}

	/**
	 * The messages in a folder of the city's mailbox (Message-ID and \\Seen), read with a
	 * separate IMAP client that fetches only headers and flags (GreenMail itself cannot
	 * build an ENVELOPE for the 8,000-deep message).
	 */
	static List<Snapshot> messagesIn(String name) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.imap.peek", "true");
		Session session = Session.getInstance(properties);
		Store imap = session.getStore("imap");
		imap.connect("localhost", greenMail.getImap().getPort(), TestEmailProperties.CITY, PASSWORD);
		try {
			char separator = imap.getDefaultFolder().getSeparator();
			Folder folder = imap.getFolder(name.replace('/', separator));
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			try {
				List<Snapshot> messages = new ArrayList<>();
				for (Message message : folder.getMessages()) {
					if (!message.isSet(Flags.Flag.DELETED)) {
						String[] id = message.getHeader("Message-ID");
						messages.add(new Snapshot((id != null) ? id[0] : null, message.isSet(Flags.Flag.SEEN)));
					}
				}
				return messages;
			}
			finally {
				folder.close(false);
			}
		}
		finally {
			imap.close();
		}
	}

	/**
	 * A message as seen in a folder.
	 *
	 * @param messageId its Message-ID header
	 * @param seen whether it is flagged \\Seen
	 */
	record Snapshot(String messageId, boolean seen) {

	}

	private static List<MimeMessage> awaitReceived(String address, int count) {
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(30))
			.until(() -> Arrays.stream(greenMail.getReceivedMessages())
				.filter((message) -> recipientIs(message, address))
				.count() >= count);
		return Arrays.stream(greenMail.getReceivedMessages())
			.filter((message) -> recipientIs(message, address))
			.toList();
	}

	private static boolean recipientIs(MimeMessage message, String address) {
		try {
			return message.getAllRecipients() != null
					&& Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().contains(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		InMemoryInboundMessageStore inboundMessageStore() {
			return new InMemoryInboundMessageStore();
		}

		@Bean
		InMemoryMediaStore mediaStore() {
			return new InMemoryMediaStore();
		}

		@Bean
		InMemoryDeadLetterSink deadLetterSink() {
			return new InMemoryDeadLetterSink();
		}

	}

}

package org.frontdoor.gateway.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import jakarta.mail.internet.MimeMessage;
import org.frontdoor.channels.core.DeadLetterSink;
import org.frontdoor.gateway.FrontDoorApplication;
import org.frontdoor.gateway.mailserver.EmbeddedMailServer;
import org.frontdoor.gateway.persistence.DeadLetterService;
import org.frontdoor.gateway.persistence.DeadLetterService.ReplayOutcome;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.frontdoor.gateway.testsupport.SandboxRequests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.frontdoor.gateway.testsupport.MailAwait.awaitIgnoringServerThreads;

/**
 * Email end to end, the way a newcomer tries it: the whole gateway with the sandbox
 * Open311 backend and its embedded mail server (GreenMail on loopback, free ports), the
 * email channel pointed at it by the {@code simulator} profile. Residents send real MIME
 * through its SMTP server and read FrontDoor's answers from their own mailboxes over
 * IMAP; staff change statuses through the sandbox's admin endpoint and the status poller
 * relays them. Each test writes from its own address, so the tests share this one
 * context.
 */
@SpringBootTest(classes = FrontDoorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
class EmailIntakeTest {

	static final String CITY = "311@frontdoor.localhost";

	static final String CITY_PASSWORD = "test-only-city-mailbox-password";

	static final int SMTP_PORT = freePort();

	static final int IMAP_PORT = freePort();

	static final MailClient mail = new MailClient(SMTP_PORT, IMAP_PORT);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		// the sandbox on this gateway's own port (a local URL with port 0 gets the bound
		// port)
		GatewayTestProperties.intake("http://localhost:0/sandbox/open311/v2")
			.forEach((key, value) -> registry.add(key, () -> value));
		registry.add("frontdoor.simulator.enabled", () -> "false");
		registry.add("frontdoor.channels.sms.twilio.enabled", () -> "false");
		registry.add("frontdoor.conversation.sweep-interval", () -> "1h");
		// the embedded mail server of the simulator profile, on free ports
		registry.add("frontdoor.email.embedded-server.enabled", () -> "true");
		registry.add("frontdoor.email.embedded-server.smtp-port", () -> SMTP_PORT);
		registry.add("frontdoor.email.embedded-server.imap-port", () -> IMAP_PORT);
		registry.add("frontdoor.email.embedded-server.password", () -> CITY_PASSWORD);
		registry.add("frontdoor.channels.email.max-message-bytes", () -> "1MB");
		registry.add("frontdoor.channels.email.imap.reconnect-initial-delay", () -> "200ms");
		registry.add("frontdoor.channels.email.imap.reconnect-max-delay", () -> "2s");
		registry.add("frontdoor.channels.email.imap.shutdown-timeout", () -> "2s");
	}

	@Autowired
	EmbeddedMailServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadLetterSink deadLetters;

	@Autowired
	DeadLetterService replays;

	@LocalServerPort
	int port;

	@Test
	void theEmbeddedServerListensOnLoopbackOnlyWithTheCitysMailbox() throws Exception {
		assertThat(this.server.smtpPort()).isEqualTo(SMTP_PORT);
		assertThat(this.server.imapPort()).isEqualTo(IMAP_PORT);
		assertThat(this.server.address()).isEqualTo(CITY);
		assertThat(mail.read(CITY, "wrong-password", "INBOX")).as("a wrong password is refused").isEmpty();
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(EmbeddedMailServer.LOOPBACK, IMAP_PORT), 2000);
			assertThat(socket.isConnected()).isTrue();
		}
		for (java.net.InetAddress address : nonLoopbackAddresses()) {
			try (java.net.Socket socket = new java.net.Socket()) {
				assertThat(connects(socket, address, SMTP_PORT)).as("SMTP reachable on " + address).isFalse();
			}
		}
	}

	@Test
	void aPhotoWithGpsBecomesARequestThereWithAThreadedConfirmationThenAThreadedUpdate() throws Exception {
		String resident = newResident();
		byte[] photo = resource("/sandbox/iphone_photo_gps.jpg");
		GeoLocation taken = gps(photo);
		assertThat(taken).as("the fixture carries GPS").isNotNull();
		String first = "<" + UUID.randomUUID() + "@mail.example.org>";
		mail.send(mail.compose(resident, CITY, first, "Trash can", "overflowing trash can on this corner", photo),
				resident, CITY);

		MimeMessage confirmation = awaitMail(resident, 1).get(0);
		assertThat(MailClient.header(confirmation, "In-Reply-To")).isEqualTo(first);
		assertThat(MailClient.header(confirmation, "References")).isEqualTo(first);
		assertThat(MailClient.subject(confirmation)).isEqualTo("Re: Trash can");
		assertThat(MailClient.header(confirmation, "Auto-Submitted")).isEqualTo("auto-replied");
		assertThat(MailClient.header(confirmation, "From")).contains(CITY);
		MailClient.Parts parts = MailClient.parts(confirmation);
		assertThat(parts.types()).containsExactly("multipart/alternative", "text/plain", "text/html");
		String id = requestId(parts.text().toString());
		assertThat(parts.html().toString()).contains("#" + id);

		JsonNode request = request(id);
		assertThat(request.get("service_code").asString()).isEqualTo("trash-overflow");
		assertThat(request.get("description").asString()).contains("overflowing trash can on this corner");
		assertThat(request.get("lat").asDouble()).isCloseTo(taken.getLatitude(), within(0.001));
		assertThat(request.get("long").asDouble()).isCloseTo(taken.getLongitude(), within(0.001));
		String mediaUrl = request.get("media_url").asString();
		assertThat(mediaUrl).startsWith("http://localhost:" + this.port + "/media/");
		HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(mediaUrl)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		Metadata metadata = ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(served.body()));
		assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as("no GPS left").isNull();
		assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).as("no camera EXIF left").isNull();
		// the sanitizer keeps one EXIF tag, the orientation, so the photo shows upright
		ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		if (ifd0 != null) {
			assertThat(ifd0.getTags()).extracting(com.drew.metadata.Tag::getTagType)
				.containsOnly(ExifIFD0Directory.TAG_ORIENTATION);
		}
		assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Apple", "iPhone",
				"ExifTool");
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).as("what the original had")
			.contains("Apple", "iPhone", "ExifTool");

		staffSets(id, "closed", "Emptied by DPW crew 4");
		MimeMessage update = awaitMail(resident, 2).get(1);
		assertThat(MailClient.header(update, "In-Reply-To")).isEqualTo(first);
		assertThat(MailClient.header(update, "References")).isEqualTo(first);
		assertThat(MailClient.subject(update)).as("the same thread").isEqualTo("Re: Trash can");
		assertThat(MailClient.header(update, "Auto-Submitted")).isEqualTo("auto-generated");
		MailClient.Parts updateParts = MailClient.parts(update);
		assertThat(updateParts.types()).containsExactly("multipart/alternative", "text/plain", "text/html");
		assertThat(updateParts.text().toString()).contains("#" + id, "closed", "Emptied by DPW crew 4");

		// STATUS with the number, answered in the thread
		String status = "<" + UUID.randomUUID() + "@mail.example.org>";
		MimeMessage ask = mail.compose(resident, CITY, status, "Re: Trash can", "STATUS " + id, null);
		// (only In-Reply-To, no References: as some clients and swaks send it)
		String updateId = MailClient.header(update, "Message-ID");
		ask.setHeader("In-Reply-To", updateId);
		mail.send(ask, resident, CITY);
		MimeMessage answer = awaitMail(resident, 3).get(2);
		assertThat(MailClient.header(answer, "In-Reply-To")).isEqualTo(status);
		assertThat(MailClient.header(answer, "References")).isEqualTo(updateId + " " + status);
		assertThat(MailClient.subject(answer)).isEqualTo("Re: Trash can");
		String answerText = MailClient.parts(answer).text().toString();
		assertThat(answerText).as(answerText).contains("#" + id).containsIgnoringCase("closed");
		assertThat(requestsFrom(resident)).as("one request, however many mails").isEqualTo(1);
	}

	@Test
	void aResidentsReplyInTheThreadAnswersTheQuestion() {
		String resident = newResident();
		String first = "<" + UUID.randomUUID() + "@mail.example.org>";
		mail.send(mail.compose(resident, CITY, first, "Pothole", "There is a huge pothole", null), resident, CITY);
		MimeMessage question = awaitMail(resident, 1).get(0);
		assertThat(MailClient.header(question, "In-Reply-To")).isEqualTo(first);
		assertThat(MailClient.subject(question)).isEqualTo("Re: Pothole");
		String questionText = MailClient.parts(question).text().toString();
		assertThat(questionText).doesNotContain("#");

		// the resident answers above the quoted question, as every mail client does
		String second = "<" + UUID.randomUUID() + "@mail.example.org>";
		String ours = MailClient.header(question, "Message-ID");
		MimeMessage reply = mail.compose(
				resident, CITY, second, "Re: Pothole", "It's at 1 Brattle Sq\n\n"
						+ "On Tue, Mar 3, 2026 at 9:14 AM Cambridge 311 <" + CITY + "> wrote:\n" + quote(questionText),
				null);
		setThread(reply, ours, first + " " + ours);
		mail.send(reply, resident, CITY);

		MimeMessage confirmation = awaitMail(resident, 2).get(1);
		assertThat(MailClient.header(confirmation, "In-Reply-To")).isEqualTo(second);
		assertThat(MailClient.header(confirmation, "References")).isEqualTo(first + " " + ours + " " + second);
		assertThat(MailClient.subject(confirmation)).isEqualTo("Re: Pothole");
		String id = requestId(MailClient.parts(confirmation).text().toString());
		JsonNode request = request(id);
		assertThat(request.get("service_code").asString()).isEqualTo("pothole");
		assertThat(request.get("address").asString()).containsIgnoringCase("Brattle");
		assertThat(request.get("description").asString()).as("the quoted question is not the description")
			.doesNotContain("wrote:");
		assertThat(this.jdbc.sql("select count(*) from conversation where address = :address")
			.param("address", "mailto:" + resident)
			.query(Long.class)
			.single()).as("one conversation").isEqualTo(1);
	}

	@Test
	void aBounceIsSetAsideAndNeverAnswered() throws Exception {
		byte[] raw = resource("/email/bounce_mailbox-full.eml");
		String messageId = "<20110729080856.AAB7C3800008A@mtain-db01.r1000.mx.aol.com>";
		assertThat(new String(raw, StandardCharsets.US_ASCII)).contains(messageId);
		mail.send(mail.parse(raw), "", CITY);

		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(mail.read(CITY, CITY_PASSWORD, "FrontDoor/Ignored"))
				.anySatisfy((m) -> assertThat(MailClient.header(m, "Message-Id")).isEqualTo(messageId)));
		assertThat(mail.read(CITY, CITY_PASSWORD, "INBOX"))
			.noneSatisfy((m) -> assertThat(MailClient.header(m, "Message-Id")).isEqualTo(messageId));
		assertThat(this.jdbc.sql("select count(*) from inbound_message where provider_message_id = :id")
			.param("id", messageId)
			.query(Long.class)
			.single()).as("nothing stored, so nothing can ever answer it").isZero();
		assertThat(this.jdbc
			.sql("select count(*) from outbound_message where lower(recipient) like '%mailer-daemon@aol.com%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(mail.read("MAILER-DAEMON@AOL.com", "MAILER-DAEMON@AOL.com", "INBOX")).isEmpty();
	}

	@Test
	void mailOverTheSizeLimitIsDeadLetteredWithItsHeadersAndNotAnswered() {
		String resident = newResident();
		String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
		byte[] huge = new byte[1_500_000];
		new Random(7).nextBytes(huge);
		huge[0] = (byte) 0xFF;
		huge[1] = (byte) 0xD8;
		mail.send(mail.compose(resident, CITY, messageId, "Video of the flooding", "flooding at 1 brattle sq", huge),
				resident, CITY);

		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(mail.read(CITY, CITY_PASSWORD, "FrontDoor/Rejected"))
				.anySatisfy((m) -> assertThat(MailClient.header(m, "Message-ID")).isEqualTo(messageId)));
		List<DeadLetterRow> letters = this.jdbc
			.sql("select reason, content_type, payload from dead_letter where source = 'email.inbound'")
			.query((rs, row) -> new DeadLetterRow(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.list()
			.stream()
			.filter((letter) -> new String(letter.payload(), StandardCharsets.ISO_8859_1).contains(messageId))
			.toList();
		assertThat(letters).singleElement().satisfies((letter) -> {
			assertThat(letter.reason()).startsWith("too-large");
			assertThat(letter.contentType()).isEqualTo("text/rfc822-headers");
			assertThat(letter.payload().length).as("only the headers are kept").isLessThan(10_000);
		});
		assertThat(this.jdbc.sql("select count(*) from outbound_message where recipient = :to")
			.param("to", "mailto:" + resident)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDeadLetteredMailIsReplayedThroughTheDialogOnlyWhenItWasKeptWhole() throws Exception {
		// a whole mail an earlier version could not read: replayed, it becomes a report
		String resident = newResident();
		String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
		String whole = deadLetter(messageId, raw(
				mail.compose(resident, CITY, messageId, "Pothole", "huge pothole at mass ave and prospect st", null)),
				"message/rfc822");
		assertThat(this.replays.replay(UUID.fromString(whole))).isEqualTo(ReplayOutcome.REPLAYED);
		MimeMessage confirmation = awaitMail(resident, 1).get(0);
		assertThat(MailClient.header(confirmation, "In-Reply-To")).isEqualTo(messageId);
		assertThat(requestId(MailClient.parts(confirmation).text().toString())).isNotBlank();
		assertThat(replayState(whole)).isEqualTo("REPLAYED");

		// an automatic reply is still not for the dialog: the replay fails with the
		// reason
		// and leaves no new dead letter
		String autoId = "<" + UUID.randomUUID() + "@mail.example.org>";
		MimeMessage auto = mail.compose(newResident(), CITY, autoId, "Out of office", "I am away until Monday", null);
		setHeader(auto, "Auto-Submitted", "auto-replied");
		String ignored = deadLetter(autoId, raw(auto), "message/rfc822");
		long letters = emailDeadLetters();
		assertThat(this.replays.replay(UUID.fromString(ignored))).isEqualTo(ReplayOutcome.FAILED);
		assertThat(replayError(ignored)).contains("not processed (IGNORE)");
		assertThat(emailDeadLetters()).isEqualTo(letters);

		// only the headers of a too-large mail were kept: nothing to replay, said so
		String headersOnly = deadLetter("<" + UUID.randomUUID() + "@mail.example.org>",
				"From: someone@example.org\r\nSubject: Video\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
				"text/rfc822-headers");
		assertThat(this.replays.replay(UUID.fromString(headersOnly))).isEqualTo(ReplayOutcome.FAILED);
		assertThat(replayError(headersOnly)).contains("only the headers", "rejected folder");
	}

	private String deadLetter(String key, byte[] payload, String contentType) {
		this.deadLetters.deadLetter("email.inbound", key, payload, contentType, "unparseable: an earlier version");
		return this.jdbc.sql("select id::text from dead_letter where source = 'email.inbound' and dedupe_key = :key")
			.param("key", key)
			.query(String.class)
			.single();
	}

	private String replayState(String id) {
		return this.jdbc.sql("select replay_state from dead_letter where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private String replayError(String id) {
		return this.jdbc.sql("select replay_error from dead_letter where id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long emailDeadLetters() {
		return this.jdbc.sql("select count(*) from dead_letter where source = 'email.inbound'")
			.query(Long.class)
			.single();
	}

	private static byte[] raw(MimeMessage message) throws Exception {
		// compose() saved the changes already (saving again would replace the Message-ID)
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		message.writeTo(bytes);
		return bytes.toByteArray();
	}

	@Test
	void aSenderFailingDmarcGetsTheConfirmationButNoStatusUpdates() {
		String resident = newResident();
		String first = "<" + UUID.randomUUID() + "@mail.example.org>";
		MimeMessage spoofed = mail.compose(resident, CITY, first, "Pothole", "huge pothole at mass ave and prospect st",
				null);
		setHeader(spoofed, "Authentication-Results", "mx.frontdoor.localhost; spf=fail smtp.mailfrom=example.org; "
				+ "dkim=none; dmarc=fail (p=REJECT) header.from=example.org");
		mail.send(spoofed, resident, CITY);
		MimeMessage confirmation = awaitMail(resident, 1).get(0);
		String id = requestId(MailClient.parts(confirmation).text().toString());
		assertThat(requestsFrom(resident)).as("filed: the confirmation is not a duplicate offer").isEqualTo(1);

		String inbound = this.jdbc.sql("select payload::text from inbound_message where provider_message_id = :id")
			.param("id", first)
			.query(String.class)
			.single();
		assertThat(JSON.readTree(inbound).at("/metadata/email.status-updates").asString()).isEqualTo("withhold");
		staffSets(id, "closed", "Removed");
		// the poller sees the change, and the relay records why it sent nothing
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.jdbc.sql("""
					select count(*) from conversation_message m join conversation c on c.id = m.conversation_id
					where c.address = :address and m.direction = 'OUT' and m.note like :note
					""")
				.param("address", "mailto:" + resident)
				.param("note", "suppressed: the sender's mail failed authentication%")
				.query(Long.class)
				.single() == 1);
		assertThat(mail.read(resident, resident, "INBOX")).as("only the confirmation").hasSize(1);
	}

	private static void setThread(MimeMessage message, String inReplyTo, String references) {
		setHeader(message, "In-Reply-To", inReplyTo);
		setHeader(message, "References", references);
	}

	private static void setHeader(MimeMessage message, String name, String value) {
		try {
			message.setHeader(name, value);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder();
		text.lines().forEach((line) -> quoted.append("> ").append(line).append('\n'));
		return quoted.toString();
	}

	private static List<MimeMessage> awaitMail(String resident, int count) {
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(mail.read(resident, resident, "INBOX")).as("mail to " + resident)
				.hasSizeGreaterThanOrEqualTo(count));
		return mail.read(resident, resident, "INBOX");
	}

	private static String newResident() {
		return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static String requestId(String text) {
		Matcher m = Pattern.compile("#(\\d+)").matcher(text);
		assertThat(m.find()).as("a request id in: " + text).isTrue();
		return m.group(1);
	}

	private long requestsFrom(String resident) {
		return this.jdbc.sql("select count(*) from sandbox_request where email = :email")
			.param("email", resident)
			.query(Long.class)
			.single();
	}

	private JsonNode request(String id) {
		return SandboxRequests.request(this.port, id);
	}

	private void staffSets(String id, String status, String notes) {
		SandboxRequests.staffSets(this.port, id, status, notes);
	}

	private static GeoLocation gps(byte[] jpeg) throws Exception {
		GpsDirectory gps = ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(jpeg))
			.getFirstDirectoryOfType(GpsDirectory.class);
		return (gps != null) ? gps.getGeoLocation() : null;
	}

	private static byte[] resource(String path) {
		try (InputStream in = EmailIntakeTest.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<java.net.InetAddress> nonLoopbackAddresses() throws IOException {
		return java.net.NetworkInterface.networkInterfaces()
			.flatMap(java.net.NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
	}

	private static boolean connects(java.net.Socket socket, java.net.InetAddress address, int port) {
		try {
			socket.connect(new java.net.InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record DeadLetterRow(String reason, String contentType, byte[] payload) {

	}

}

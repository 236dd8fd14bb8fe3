package org.frontdoor.channels.email.inbound;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore.StoreOutcome;
import org.frontdoor.channels.email.EmailMetadata;
import org.frontdoor.channels.email.EmailThreading;
import org.frontdoor.channels.email.support.InMemoryDeadLetterSink;
import org.frontdoor.channels.email.support.InMemoryInboundMessageStore;
import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.email.support.MailFixtures;
import org.frontdoor.channels.email.support.Samples;
import org.frontdoor.channels.email.support.TestEmailProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/** The ingest service's decisions beyond what the real fixtures show. */
class EmailIngestServiceTest {

	private final InMemoryInboundMessageStore store = new InMemoryInboundMessageStore();

	private final InMemoryMediaStore media = new InMemoryMediaStore();

	private final InMemoryDeadLetterSink deadLetters = new InMemoryDeadLetterSink();

	private EmailIngestService service(Map<String, String> properties) {
		return EmailIngestService.create(TestEmailProperties.of(properties), this.store, this.media, this.deadLetters);
	}

	@Test
	void heicPhotoFromAnIphoneKeepsItsLocation() {
		byte[] heic = Samples.resource("/media/photo_gps.heic");
		byte[] mail = MailFixtures.bytes(MailFixtures.residentMail("resident@example.org", "<heic-1@example.org>",
				"Graffiti", "graffiti on the wall", heic, "image/heic", "IMG_0042.HEIC"));

		InboundMessage message = service(Map.of()).ingest(mail, Instant.EPOCH).message();

		assertThat(message.media()).singleElement().satisfies((photo) -> {
			assertThat(photo.contentType()).isEqualTo("image/heic");
			assertThat(photo.exifLocation().latitude()).isCloseTo(42.36732, within(1e-5));
		});
	}

	@Test
	void photosBeyondTheLimitAndDuplicatesAreSkippedWithANote() throws Exception {
		byte[] a = jpeg(400, 300, 1);
		byte[] b = jpeg(400, 300, 2);
		byte[] c = jpeg(400, 300, 3);
		byte[] mail = mail("<photos@example.org>", "three photos and a duplicate", part(a, "image/jpeg", "a.jpg", null),
				part(b, "image/jpeg", "b.jpg", null), part(a, "image/jpeg", "a-again.jpg", null),
				part(c, "image/jpeg", "c.jpg", null),
				part("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf", "map.pdf", null));

		InboundMessage message = service(Map.of("max-photos", "2")).ingest(mail, Instant.EPOCH).message();

		assertThat(message.media()).extracting(InboundMedia::filename).containsExactly("a.jpg", "b.jpg");
		assertThat(message.metadata()).containsEntry(EmailMetadata.PHOTOS_SKIPPED, "1: c.jpg (more than 2 photos)")
			.containsEntry(EmailMetadata.ATTACHMENTS_IGNORED, "1: application/pdf map.pdf");
	}

	@Test
	void aPhotoPastedIntoTheHtmlCountsButASignatureLogoDoesNot() throws Exception {
		byte[] photo = jpeg(1200, 900, 7);
		byte[] logo = jpeg(120, 40, 8);
		MimeMultipart related = new MimeMultipart("related");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>Broken swing <img src=\"cid:photo1\"></p><p>--<br><img src=\"cid:logo1\"> Acme Corp</p>",
				"UTF-8", "html");
		related.addBodyPart(html);
		related.addBodyPart(part(photo, "image/jpeg", "image001.jpg", "photo1"));
		related.addBodyPart(part(logo, "image/jpeg", "image002.jpg", "logo1"));
		byte[] mail = mail("<inline@example.org>", related);

		InboundMessage message = service(Map.of()).ingest(mail, Instant.EPOCH).message();

		assertThat(photo.length).isGreaterThan(20 * 1024);
		assertThat(message.media()).extracting(InboundMedia::filename).containsExactly("image001.jpg");
		assertThat(message.metadata().get(EmailMetadata.PHOTOS_SKIPPED))
			.isEqualTo("1: image002.jpg (inline image too small for a photo)");
		assertThat(message.text()).isEqualTo("Broken swing");
	}

	@Test
	void aFailedSenderIsWithheldFromStatusUpdatesUnlessConfiguredOtherwise() {
		byte[] mail = ("From: r@example.org\r\nTo: 311@city.example\r\nMessage-ID: <auth@example.org>\r\n"
				+ "Authentication-Results: mx.city.example; spf=fail smtp.mailfrom=example.org; dmarc=fail\r\n"
				+ "Authentication-Results: forged.example; dmarc=pass\r\nSubject: pothole\r\n\r\nbig pothole\r\n")
			.getBytes(StandardCharsets.US_ASCII);

		InboundMessage strict = service(Map.of("trusted-authserv-ids", "mx.city.example")).ingest(mail, null).message();
		assertThat(strict.metadata()).containsEntry(EmailMetadata.SENDER_AUTH, "fail")
			.containsEntry(EmailMetadata.AUTH_TRUSTED, "true")
			.containsEntry(EmailMetadata.STATUS_UPDATES, EmailMetadata.STATUS_UPDATES_WITHHOLD);

		this.store.clear();
		InboundMessage lenient = service(
				Map.of("trusted-authserv-ids", "mx.city.example", "require-authenticated-sender-for-updates", "false"))
			.ingest(mail, null)
			.message();
		assertThat(lenient.metadata()).containsEntry(EmailMetadata.STATUS_UPDATES, EmailMetadata.STATUS_UPDATES_ALLOW);
	}

	@Test
	void unknownAuthenticationIsAllowedUnlessStrict() {
		byte[] mail = ("From: r@example.org\r\nTo: 311@city.example\r\nMessage-ID: <noauth@example.org>\r\n"
				+ "Subject: pothole\r\n\r\nbig pothole\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(service(Map.of()).ingest(mail, null).message().metadata())
			.containsEntry(EmailMetadata.SENDER_AUTH, "unknown")
			.containsEntry(EmailMetadata.STATUS_UPDATES, EmailMetadata.STATUS_UPDATES_ALLOW);
		this.store.clear();
		assertThat(service(Map.of("unknown-authentication-counts-as-failed", "true")).ingest(mail, null)
			.message()
			.metadata()).containsEntry(EmailMetadata.STATUS_UPDATES, EmailMetadata.STATUS_UPDATES_WITHHOLD);
	}

	@Test
	void anEmptyReplyToFrontDoorWithAPhotoKeepsThePhotoAndNotOurWords() throws Exception {
		String ours = EmailThreading.messageId(UUID.randomUUID(), "city.example");
		MimeMessage reply = MailFixtures.residentMail("resident@example.org", "<reply-photo@example.org>",
				"Re: Your report #101",
				"On Tue, Nov 3, 2026 at 10:00 AM City 311 <311@city.example> wrote:\n"
						+ "> We filed request #101. Reply with a photo if you can.",
				jpeg(800, 600, 9), "image/jpeg", "photo.jpg");
		reply.setHeader("In-Reply-To", ours);
		reply.setHeader("References", "<first@example.org> " + ours);
		reply.saveChanges();

		InboundMessage message = service(Map.of()).ingest(MailFixtures.bytes(reply), null).message();

		assertThat(message.text()).isEmpty();
		assertThat(message.media()).hasSize(1);
		assertThat(message.threadKey()).isEqualTo("<first@example.org>");
		assertThat(message.metadata()).containsEntry(EmailMetadata.REPLY_TO_FRONTDOOR, "true");
	}

	@Test
	void aMailWithoutMessageIdGetsAStableKeyFromItsBytes() {
		byte[] mail = "From: r@example.org\r\nSubject: bench\r\n\r\nbroken bench\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		EmailIngestService service = service(Map.of());
		EmailIngestService.Outcome first = service.ingest(mail, null);
		EmailIngestService.Outcome second = service.ingest(mail, null);
		assertThat(first.key()).matches("<[0-9a-f]{64}@sha256\\.frontdoor\\.invalid>").isEqualTo(second.key());
		assertThat(first.stored()).isEqualTo(StoreOutcome.ACCEPTED);
		assertThat(second.stored()).isEqualTo(StoreOutcome.DUPLICATE);
		assertThat(first.message().id()).isEqualTo(second.message().id());
		assertThat(first.message().metadata()).containsEntry(EmailMetadata.MESSAGE_ID_SYNTHESIZED, "true");
	}

	@Test
	void tooLargeMailIsRejectedFromItsHeadersAloneUnlessItIsAutomatic() {
		EmailIngestService service = service(Map.of());
		byte[] headers = "From: r@example.org\r\nMessage-ID: <big@example.org>\r\nSubject: video\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		EmailIngestService.Outcome outcome = service.tooLarge(headers, 40_000_000);
		assertThat(outcome.decision().reason()).isEqualTo(EmailDecision.Reason.TOO_LARGE);
		assertThat(this.deadLetters.letters()).singleElement().satisfies((letter) -> {
			assertThat(letter.key()).isEqualTo("<big@example.org>");
			assertThat(letter.contentType()).isEqualTo("text/rfc822-headers");
			assertThat(letter.reason())
				.startsWith("too-large: message of 40000000 bytes is over the limit of 26214400");
		});

		byte[] bounce = "From: MAILER-DAEMON@example.org\r\nMessage-ID: <b@example.org>\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(service.tooLarge(bounce, 40_000_000).decision().reason())
			.isEqualTo(EmailDecision.Reason.SYSTEM_SENDER);
		assertThat(this.deadLetters.letters()).hasSize(1);
	}

	@Test
	void aMailTheServerCannotDeliverIsDeadLetteredUnderItsUid() {
		EmailIngestService.Outcome outcome = service(Map.of()).undeliverable(new byte[0], "INBOX;7;42",
				"the IMAP server failed 3 times to deliver this mail: IOException");
		assertThat(outcome.decision().reason()).isEqualTo(EmailDecision.Reason.UNPARSEABLE);
		assertThat(this.deadLetters.letters()).singleElement()
			.satisfies((letter) -> assertThat(letter.key()).endsWith("@sha256.frontdoor.invalid>"));
	}

	@Test
	void aFailingStoreIsReportedToTheCallerAndNothingIsDeadLettered() {
		this.store.failNext(1);
		byte[] mail = "From: r@example.org\r\nMessage-ID: <x@example.org>\r\n\r\npothole\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		EmailIngestService service = service(Map.of());
		assertThatIllegalStateException().isThrownBy(() -> service.ingest(mail, null));
		assertThat(this.deadLetters.letters()).isEmpty();
		assertThat(service.ingest(mail, null).stored()).isEqualTo(StoreOutcome.ACCEPTED);
	}

	private static byte[] jpeg(int width, int height, long seed) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0xFFFFFF));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private static MimeBodyPart part(byte[] bytes, String type, String filename, String contentId) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
		part.setFileName(filename);
		if (contentId != null) {
			part.setContentID("<" + contentId + ">");
			part.setDisposition(MimeBodyPart.INLINE);
		}
		else {
			part.setDisposition(MimeBodyPart.ATTACHMENT);
		}
		return part;
	}

	private static byte[] mail(String messageId, String text, MimeBodyPart... attachments) throws Exception {
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart body = new MimeBodyPart();
		body.setText(text, "UTF-8");
		mixed.addBodyPart(body);
		for (MimeBodyPart attachment : attachments) {
			mixed.addBodyPart(attachment);
		}
		return mail(messageId, mixed);
	}

	private static byte[] mail(String messageId, MimeMultipart content) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("resident@example.org"));
		message.setRecipients(Message.RecipientType.TO, "311@city.example");
		message.setSubject("Report");
		message.setContent(content);
		message.saveChanges();
		message.setHeader("Message-ID", messageId);
		return MailFixtures.bytes(message);
	}

}

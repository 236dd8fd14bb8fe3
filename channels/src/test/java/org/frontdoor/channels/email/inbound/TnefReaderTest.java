package org.frontdoor.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.frontdoor.channels.email.support.Samples;

import static org.assertj.core.api.Assertions.assertThat;

/** The TNEF reader on the real {@code winmail.dat} fixtures. */
class TnefReaderTest {

	@Test
	void readsTheRtfBodyAndCountsEmbeddedMessages() {
		TnefReader.Result result = TnefReader.read(Samples.resource("/email/mimekit/winmail.dat"));
		assertThat(result.damaged()).isFalse();
		assertThat(result.body()).contains("111111111111111111111111111111111111111111111")
			.contains("3333333333333333333")
			.doesNotContain("\\rtf");
		assertThat(result.attachments()).isEmpty();
		assertThat(result.unreadable()).isEqualTo(2);
	}

	@Test
	void readsWhatPrecedesTheDamageOfACorruptStream() {
		TnefReader.Result result = TnefReader.read(Samples.resource("/email/mimekit/panic_inline_images_winmail.dat"));
		assertThat(result.damaged()).isTrue();
		assertThat(result.body()).contains("Flytta ner följande 3 orderIDs");
		assertThat(result.attachments()).extracting(TnefReader.Attachment::filename)
			.containsExactly("image001.jpg", "image002.jpg", "image003.png");
		assertThat(result.attachments()).extracting(TnefReader.Attachment::mimeType)
			.containsExactly("image/jpeg", "image/jpeg", "image/png");
		assertThat(result.attachments().get(0).contentId()).isEqualTo("image001.jpg@01D139A1.76DB0C80");
		assertThat(result.attachments().get(0).data()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
	}

	@Test
	void garbageIsNotTnefAndNeverThrows() {
		assertThat(TnefReader.isTnef("not tnef".getBytes(StandardCharsets.US_ASCII))).isFalse();
		assertThat(TnefReader.read(new byte[] { 0x78, (byte) 0x9F, 0x3E, 0x22, 0, 0 }).body()).isNull();
		byte[] truncated = Arrays.copyOf(Samples.resource("/email/mimekit/winmail.dat"), 3000);
		assertThat(TnefReader.read(truncated).damaged()).isTrue();
	}

	@Test
	void compressedRtfRoundTripsTheSpecExample() {
		// MS-OXRTFCP 3.1.1: "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n"
		byte[] compressed = { 0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, (byte) 0xf1,
				(byte) 0xc5, (byte) 0xc7, (byte) 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35,
				0x42, 0x32, 0x0a, (byte) 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, (byte) 0xb0,
				0x6c, 0x64, 0x7d, 0x0a, (byte) 0x80, 0x0f, (byte) 0xa0 };
		byte[] rtf = CompressedRtf.decompress(compressed);
		assertThat(new String(rtf, StandardCharsets.US_ASCII))
			.isEqualTo("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
		assertThat(RtfText.toText(rtf, StandardCharsets.ISO_8859_1)).isEqualTo("hello world");
		assertThat(CompressedRtf.PREBUF).hasSize(207);
	}

	@Test
	void rtfWithEncapsulatedHtmlIsDeEncapsulated() {
		String rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 {\\fonttbl{\\f0 Arial;}}"
				+ "{\\*\\htmltag64 <html><body>}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 Pothole on "
				+ "\\'c9lm St{\\*\\htmltag84 <br>}\\htmlrtf \\par \\htmlrtf0 near \\u26376?the school}\\htmlrtf0"
				+ "{\\*\\htmltag72 </p>}{\\*\\htmltag64 </body></html>}}";
		assertThat(RtfText.toText(rtf.getBytes(StandardCharsets.US_ASCII), StandardCharsets.ISO_8859_1))
			.isEqualTo("Pothole on Élm St\nnear 月the school");
	}

}

package org.frontdoor.channels.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

class EmailThreadingTest {

	@Test
	void ourMessageIdsAreStableAndRecognized() {
		UUID id = UUID.fromString("0b7f2c62-5d5c-4f5e-9c1a-1c9b2b3a4d5e");
		String messageId = EmailThreading.messageId(id, "City.Example");
		assertThat(messageId).isEqualTo("<frontdoor.0b7f2c62-5d5c-4f5e-9c1a-1c9b2b3a4d5e@city.example>");
		assertThat(EmailThreading.messageId(id, "city.example")).isEqualTo(messageId);
		assertThat(EmailThreading.isFrontDoorMessageId(messageId, "city.example")).isTrue();
		assertThat(EmailThreading.isFrontDoorMessageId(messageId, "other.example")).isFalse();
		assertThat(EmailThreading.isFrontDoorMessageId("<abc@city.example>", "city.example")).isFalse();
	}

	@Test
	void replyHeadersChainTheInboundMessage() {
		InboundMessage inbound = new InboundMessage(UUID.randomUUID(), Channel.EMAIL, "imap", "<c@example.org>",
				"mailto:r@example.org", "mailto:311@city.example", "text", "subject", List.of(), null,
				"<a@example.org>", Map.of(EmailMetadata.MESSAGE_ID, "<c@example.org>", EmailMetadata.REFERENCES,
						"<a@example.org> <b@city.example>"),
				Instant.now());
		assertThat(EmailThreading.replyHeaders(inbound)).containsEntry(EmailHeaders.IN_REPLY_TO, "<c@example.org>")
			.containsEntry(EmailHeaders.REFERENCES, "<a@example.org> <b@city.example> <c@example.org>");
	}

	@Test
	void longReferenceChainsKeepTheRootAndTheMostRecent() {
		List<String> chain = new ArrayList<>(IntStream.range(0, 30).mapToObj((i) -> "<m" + i + "@x>").toList());
		Map<String, String> headers = EmailThreading.headers("<last@x>", chain);
		String[] references = headers.get(EmailHeaders.REFERENCES).split(" ");
		assertThat(references).hasSize(EmailThreading.MAX_REFERENCES);
		assertThat(references[0]).isEqualTo("<m0@x>");
		assertThat(references[references.length - 1]).isEqualTo("<last@x>");
	}

	@Test
	void threadKeyIsTheRootOfTheThread() {
		assertThat(EmailThreading.threadKey("<c@x>", List.of("<b@x>"), List.of("<a@x>", "<b@x>"))).isEqualTo("<a@x>");
		assertThat(EmailThreading.threadKey("<c@x>", List.of("<b@x>"), List.of())).isEqualTo("<b@x>");
		assertThat(EmailThreading.threadKey("<c@x>", List.of(), List.of())).isEqualTo("<c@x>");
	}

}

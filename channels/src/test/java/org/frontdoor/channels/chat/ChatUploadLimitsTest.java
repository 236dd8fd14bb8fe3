package org.frontdoor.channels.chat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The chat's photo limit against the servlet container's multipart limits: which
 * combinations start, and what the start-up error says for the others.
 */
class ChatUploadLimitsTest {

	@ParameterizedTest(name = "photo {0}, file {1}, request {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# chat photo | max-file-size | max-request-size | the conflicts named (empty: it starts)
			10MB         | 10MB          | 11MB             |
			10MB         | 10MB          | 10304KB          |
			10MB         | -1            | -1               |
			10MB         | 32MB          | 32MB             |
			256KB        | 256KB         | 320KB            |
			10MB         | 5MB           | 11MB             | max-file-size
			10MB         | 10MB          | 10MB             | max-request-size
			10MB         | 10MB          | 10303KB          | max-request-size
			32MB         | 10MB          | 11MB             | max-file-size max-request-size
			""")
	void theContainerMustLetTheLargestChatPhotoThrough(String photo, String file, String request, String named) {
		MultipartConfigElement multipart = new MultipartConfigElement(null, bytes(file), bytes(request), 0);
		String[] expected = (named != null) ? named.split(" ") : new String[0];
		assertThat(ChatUploadLimits.conflicts(DataSize.parse(photo), multipart)).hasSize(expected.length)
			.allSatisfy((conflict) -> assertThat(conflict).contains("frontdoor.channels.chat.max-photo-size")
				.contains("raise it to at least"));
		for (int i = 0; i < expected.length; i++) {
			assertThat(ChatUploadLimits.conflicts(DataSize.parse(photo), multipart).get(i))
				.startsWith("spring.servlet.multipart." + expected[i]);
		}
		if (expected.length == 0) {
			assertThatNoException().isThrownBy(() -> ChatUploadLimits.require(DataSize.parse(photo), multipart));
		}
		else {
			assertThatIllegalStateException()
				.isThrownBy(() -> ChatUploadLimits.require(DataSize.parse(photo), multipart))
				.withMessageContaining("spring.servlet.multipart." + expected[0]);
		}
	}

	@ParameterizedTest
	@CsvSource({ "10MB, 10485760, 10551296" })
	void theErrorSaysHowMuchIsNeeded(String photo, long file, long request) {
		MultipartConfigElement multipart = new MultipartConfigElement(null, 1, 1, 0);
		assertThat(ChatUploadLimits.conflicts(DataSize.parse(photo), multipart)).containsExactly(
				"spring.servlet.multipart.max-file-size (1 bytes) is below frontdoor.channels.chat.max-photo-size ("
						+ file + " bytes): raise it to at least " + file + " bytes, or lower the chat's limit",
				"spring.servlet.multipart.max-request-size (1 bytes) is below frontdoor.channels.chat.max-photo-size "
						+ "plus 64 KB of message fields (" + request + " bytes): raise it to at least " + request
						+ " bytes, or lower the chat's limit");
	}

	private static long bytes(String size) {
		return size.equals("-1") ? -1 : DataSize.parse(size).toBytes();
	}

}

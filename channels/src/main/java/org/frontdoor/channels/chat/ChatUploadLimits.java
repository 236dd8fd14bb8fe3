package org.frontdoor.channels.chat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.util.unit.DataSize;

/**
 * The chat's photo limit against the servlet container's multipart limits
 * ({@code spring.servlet.multipart.max-file-size} and {@code max-request-size}, which
 * apply to every multipart endpoint before any controller runs). The container's limits
 * must let the chat's largest photo ({@code frontdoor.channels.chat.max-photo-size}) and
 * its message fields ({@link ChatProperties#MULTIPART_OVERHEAD}) through, or a photo the
 * chat documents as accepted would be refused: the gateway does not start with limits
 * that contradict each other.
 */
public final class ChatUploadLimits {

	private ChatUploadLimits() {
	}

	/**
	 * What is wrong with a configuration, for the start-up error.
	 * @param maxPhotoSize the chat's largest photo
	 * @param multipart the servlet container's multipart limits ({@code -1}: unlimited)
	 * @return one sentence per contradiction, empty when the limits agree
	 */
	public static List<String> conflicts(DataSize maxPhotoSize, MultipartConfigElement multipart) {
		List<String> conflicts = new ArrayList<>();
		long photo = maxPhotoSize.toBytes();
		long request = photo + ChatProperties.MULTIPART_OVERHEAD;
		if (multipart.getMaxFileSize() >= 0 && multipart.getMaxFileSize() < photo) {
			conflicts.add("spring.servlet.multipart.max-file-size (" + multipart.getMaxFileSize()
					+ " bytes) is below frontdoor.channels.chat.max-photo-size (" + photo
					+ " bytes): raise it to at least " + photo + " bytes, or lower the chat's limit");
		}
		if (multipart.getMaxRequestSize() >= 0 && multipart.getMaxRequestSize() < request) {
			conflicts.add("spring.servlet.multipart.max-request-size (" + multipart.getMaxRequestSize()
					+ " bytes) is below frontdoor.channels.chat.max-photo-size plus "
					+ ChatProperties.MULTIPART_OVERHEAD / 1024 + " KB of message fields (" + request
					+ " bytes): raise it to at least " + request + " bytes, or lower the chat's limit");
		}
		return conflicts;
	}

	/**
	 * Fail start-up when the limits contradict each other.
	 * @param maxPhotoSize the chat's largest photo
	 * @param multipart the servlet container's multipart limits
	 * @throws IllegalStateException saying which property to change
	 */
	public static void require(DataSize maxPhotoSize, MultipartConfigElement multipart) {
		List<String> conflicts = conflicts(maxPhotoSize, multipart);
		if (!conflicts.isEmpty()) {
			throw new IllegalStateException("Chat photo limit and multipart limits disagree: "
					+ String.join("; ", conflicts) + " (see the README, Web chat, Configuration)");
		}
	}

}

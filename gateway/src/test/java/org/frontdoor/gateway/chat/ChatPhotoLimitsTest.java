package org.frontdoor.gateway.chat;

import java.util.Map;

import org.frontdoor.gateway.chat.ChatHttp.Response;
import org.frontdoor.gateway.chat.ChatHttp.Session;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat's photo limit with the gateway's own configuration ({@code application.yml} in
 * the default {@code sandbox} profile, no test overrides; the same context as the browser
 * tests): a photo of exactly the documented 10 MB goes through the servlet container's
 * multipart limits, anything larger gets 413 {@code application/problem+json}, whether
 * its size is declared or not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=test", "frontdoor.admin.staff.password=test" })
@PostgresTest
class ChatPhotoLimitsTest {

	static final int TEN_MB = 10 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Test
	void aPhotoOfTheDocumentedTenMegabytesIsAccepted() {
		ChatHttp http = new ChatHttp(this.port);
		Session session = http.newSession();
		Response response = http.sendMultipart(session, Map.of("clientMessageId", "ten-mb", "text", "pothole"),
				TestPhotos.jpegOfSize(TEN_MB), "image/jpeg");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
	}

	@Test
	void aLargerPhotoAnswers413ProblemDetails() {
		ChatHttp http = new ChatHttp(this.port);
		Session session = http.newSession();
		ChatApiTest.assertProblem(http.sendMultipart(session, Map.of("clientMessageId", "over"),
				TestPhotos.jpegOfSize(TEN_MB + 1), "image/jpeg"), 413, "too-large", "photos up to 10485760 bytes");
		ChatApiTest.assertProblem(
				http.sendMultipart(session, Map.of("clientMessageId", "far-over"),
						TestPhotos.jpegOfSize(TEN_MB + 2 * 1024 * 1024), "image/jpeg"),
				413, "too-large", "the limit for this request is");
		ChatApiTest.assertProblem(
				http.sendMultipart(session, Map.of("clientMessageId", "chunked"),
						TestPhotos.jpegOfSize(TEN_MB + 1024 * 1024), "image/jpeg", true),
				413, "too-large", "photos up to 10485760 bytes");
	}

}

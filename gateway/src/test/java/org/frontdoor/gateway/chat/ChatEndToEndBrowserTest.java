package org.frontdoor.gateway.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * The full scenario in a real browser, with the conversation engine and the
 * sandbox Open311 backend of the embedded run, checked afterwards in the sandbox's own
 * tables:
 * <ul>
 * <li>on {@code /chat-demo} the resident reports "graffiti on the wall at the corner of
 * mass ave and prospect st", answers the attribute question ("What is the graffiti on?")
 * with a quick-reply button, sees the confirmation with the sandbox request id; sandbox
 * staff close the request ({@code POST /sandbox/admin/requests/{id}}) and the update
 * appears in the open widget;</li>
 * <li>a resident reports a pothole with a phone photo whose EXIF GPS (Cambridge City
 * Hall) becomes the request's location, the photo the sandbox is given carries no GPS any
 * more; then a broken streetlight located with "Share my location" (the browser's
 * geolocation, granted and fixed by the test).</li>
 * </ul>
 * Screenshots under {@code gateway/target/browser/}: {@code chat-end-to-end.png} (the
 * widget as the resident sees it after the live status update),
 * {@code chat-end-to-end-transcript.png} (the whole conversation: question, quick-reply
 * answer, confirmation, update), {@code chat-photo-and-location[-transcript].png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=test", "frontdoor.admin.staff.password=test" })
@PostgresTest
class ChatEndToEndBrowserTest {

	/**
	 * A real phone photo with GPS at Cambridge City Hall (see
	 * {@code src/test/resources/sandbox/SOURCES.md}).
	 */
	static final Path PHONE_PHOTO = Path.of("src/test/resources/sandbox/iphone_photo_gps.jpg");

	/** Where the photo was taken (its EXIF GPS). */
	static final double PHOTO_LAT = 42.36732;

	static final double PHOTO_LON = -71.10569;

	/** The browser position of the photo-and-location scenario (chat-widget.mjs). */
	static final double BROWSER_LAT = 42.3734;

	static final double BROWSER_LON = -71.1189;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentFilesAReportThroughTheWidgetAndSeesTheStatusUpdate() {
		ChatBrowser.requirePrerequisites();
		ChatBrowser.Outcome outcome = ChatBrowser.run("end-to-end", this.port, hooks(), null, 420);
		assertThat(outcome.exitCode()).as("browser test: %s (log in target/browser)", outcome.failure()).isZero();
		assertThat(outcome.output()).contains("DONE: end-to-end");
		assertThat(ChatBrowser.ARTIFACTS.resolve("chat-end-to-end.png")).isNotEmptyFile();
		assertThat(ChatBrowser.ARTIFACTS.resolve("chat-end-to-end-transcript.png")).isNotEmptyFile();

		List<String> requests = requestIds(outcome);
		assertThat(requests).as("requests the widget showed").hasSize(1).isEqualTo(filedFor(session(outcome)));
		SandboxRequest graffiti = sandboxRequest(requests.get(0));
		assertThat(graffiti.serviceCode()).isEqualTo("graffiti");
		assertThat(graffiti.description()).isEqualTo("graffiti on the wall at the corner of mass ave and prospect st");
		// the corner of Massachusetts Ave and Prospect St, Central Square
		assertThat(graffiti.lat()).isCloseTo(42.3655, within(0.001));
		assertThat(graffiti.lon()).isCloseTo(-71.1035, within(0.001));
		assertThat(graffiti.status()).isEqualTo("closed");
		assertThat(attribute(requests.get(0), "surface")).containsExactly("private");
	}

	@Test
	void aResidentReportsWithAPhotoAndWithTheirLocation() {
		ChatBrowser.requirePrerequisites();
		assertThat(TestPhotos.gps(readPhoto())).as("the fixture carries GPS").isTrue();
		ChatBrowser.Outcome outcome = ChatBrowser.run("photo-and-location", this.port, hooks(), PHONE_PHOTO, 300);
		assertThat(outcome.exitCode()).as("browser test: %s (log in target/browser)", outcome.failure()).isZero();
		assertThat(outcome.output()).contains("DONE: photo-and-location");
		assertThat(ChatBrowser.ARTIFACTS.resolve("chat-photo-and-location-transcript.png")).isNotEmptyFile();

		List<String> requests = requestIds(outcome);
		assertThat(requests).as("requests the widget showed").hasSize(2).isEqualTo(filedFor(session(outcome)));
		SandboxRequest pothole = sandboxRequest(requests.get(0));
		assertThat(pothole.serviceCode()).isEqualTo("pothole");
		assertThat(pothole.lat()).as("the photo's GPS is the location").isCloseTo(PHOTO_LAT, within(1e-5));
		assertThat(pothole.lon()).isCloseTo(PHOTO_LON, within(1e-5));
		assertThat(pothole.mediaUrl()).contains("/media/");
		byte[] served = get(URI.create(pothole.mediaUrl()).getRawPath());
		assertThat(served).as("the photo the backend gets").startsWith((byte) 0xFF, (byte) 0xD8);
		assertThat(TestPhotos.gps(served)).as("GPS stripped from the photo the backend gets").isFalse();

		SandboxRequest streetlight = sandboxRequest(requests.get(1));
		assertThat(streetlight.serviceCode()).isEqualTo("streetlight");
		assertThat(streetlight.lat()).as("the shared position is the location").isCloseTo(BROWSER_LAT, within(1e-6));
		assertThat(streetlight.lon()).isCloseTo(BROWSER_LON, within(1e-6));
	}

	private Map<String, Function<Map<String, String>, String>> hooks() {
		return Map.of("/await-request", (q) -> awaitServiceRequestId(q.get("session"), Integer.parseInt(q.get("nth"))),
				"/close-request", (q) -> closeRequest(q.get("id")));
	}

	private static String session(ChatBrowser.Outcome outcome) {
		return outcome.output()
			.stream()
			.filter((line) -> line.startsWith("SESSION: "))
			.map((line) -> line.substring(9))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the script printed no session id"));
	}

	private static List<String> requestIds(ChatBrowser.Outcome outcome) {
		return outcome.output()
			.stream()
			.filter((line) -> line.startsWith("REQUEST: "))
			.map((line) -> line.substring(9))
			.toList();
	}

	/**
	 * The service request ids of the reports filed from one chat session, oldest first.
	 */
	private List<String> filedFor(String session) {
		return this.jdbc.sql("""
				select s.service_request_id from submission s join conversation c on c.id = s.conversation_id
				where c.address = :address and s.service_request_id is not null order by s.created_at
				""").param("address", "chat:" + session).query(String.class).list();
	}

	/**
	 * The id the sandbox gave the nth report filed from a chat session (waits up to 60
	 * s).
	 */
	private String awaitServiceRequestId(String session, int nth) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			List<String> ids = filedFor(session);
			if (ids.size() >= nth) {
				return ids.get(nth - 1);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("no service request number " + nth + " within 60 s for this session");
	}

	private SandboxRequest sandboxRequest(String id) {
		return this.jdbc
			.sql("select service_code, description, lat, lon, media_url, status from sandbox_request where id = :id")
			.param("id", Long.parseLong(id))
			.query((rs, row) -> new SandboxRequest(rs.getString("service_code"), rs.getString("description"),
					rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("media_url"), rs.getString("status")))
			.single();
	}

	private List<String> attribute(String id, String code) {
		return this.jdbc.sql(
				"select value from sandbox_request_attribute where request_id = :id and code = :code order by position")
			.param("id", Long.parseLong(id))
			.param("code", code)
			.query(String.class)
			.list();
	}

	/** Sandbox staff close the request, as the README tells a newcomer to. */
	private String closeRequest(String id) {
		String credentials = Base64.getEncoder().encodeToString("staff:test".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sandbox/admin/requests/" + id))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("status=closed&status_notes=Graffiti+removed+by+the+crew"))
			.build();
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("sandbox staff action answered " + response.statusCode());
		}
		return Integer.toString(response.statusCode());
	}

	private byte[] get(String path) {
		HttpResponse<byte[]> response = exchange(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] readPhoto() {
		try {
			return Files.readAllBytes(PHONE_PHOTO);
		}
		catch (IOException ex) {
			return fail("cannot read " + PHONE_PHOTO + ": " + ex);
		}
	}

	/** A row of the sandbox backend's {@code sandbox_request}. */
	record SandboxRequest(String serviceCode, String description, double lat, double lon, String mediaUrl,
			String status) {

	}

}

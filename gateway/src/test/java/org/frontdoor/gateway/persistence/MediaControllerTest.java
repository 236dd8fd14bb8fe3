package org.frontdoor.gateway.persistence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /media/{id}} over real HTTP: the stored bytes with their type and sensible
 * cache and safety headers, 404 for anything unknown, and ids nobody can guess or use to
 * walk the file system.
 */
class MediaControllerTest extends GatewayIntegrationTest {

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
			(byte) 0xFF, (byte) 0xD9 };

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	MediaStore media;

	@Test
	void servesTheStoredPhotoWithItsTypeToAnyoneHoldingTheUrl() throws Exception {
		MediaStore.StoredMedia stored = this.media.save(JPEG, "image/jpeg", "pothole.jpg");

		HttpResponse<byte[]> response = get("/media/" + stored.id());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(JPEG);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=604800")
			.contains("private")
			.contains("immutable");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
	}

	@Test
	void anythingButAnImageIsOnlyOfferedAsADownload() throws Exception {
		MediaStore.StoredMedia stored = this.media.save("<script>alert(1)</script>".getBytes(), "text/html", null);

		HttpResponse<byte[]> response = get("/media/" + stored.id());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
	}

	static Stream<String> unknownPaths() {
		String wellFormed = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
		return Stream.of("/media/" + wellFormed, "/media/abc", "/media/..%2F..%2Fetc%2Fpasswd",
				"/media/..%252F..%252Fetc%252Fpasswd", "/media/%2e%2e/%2e%2e/etc/passwd", "/media/",
				"/media/" + wellFormed + "/../../../etc/passwd");
	}

	@ParameterizedTest
	@MethodSource("unknownPaths")
	void unknownIdsAndPathTricksFindNothing(String path) throws Exception {
		HttpResponse<byte[]> response = get(path);

		assertThat(response.statusCode()).isIn(400, 401, 403, 404);
		assertThat(new String(response.body())).doesNotContain("root:");
	}

	@Test
	void idsAreLongRandomAndUrlSafe() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String id = this.media.save(JPEG, "image/jpeg", null).id();
			assertThat(id).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
			ids.add(id);
		}
		assertThat(ids).hasSize(200);
	}

	private HttpResponse<byte[]> get(String rawPath) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + rawPath)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

}

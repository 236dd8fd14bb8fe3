package org.frontdoor.channels.sms.twilio.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.media.MediaPolicy;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.sms.twilio.TestTwilioProperties;
import org.frontdoor.channels.sms.twilio.TwilioFixtures;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.frontdoor.channels.sms.twilio.inbound.TwilioMediaFetchException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The media fetcher against WireMock: {@code localhost} plays api.twilio.com (gets the
 * credentials), {@code 127.0.0.1} plays its CDN (a redirect target, no credentials).
 */
class TwilioMediaFetcherTest {

	static final String MEDIA_PATH = "/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID
			+ "/Messages/MM1c05a7205210e96eac11f4e1a484d3f2/Media/MEfb1d3ef549ca3899527125e69466bf8a";

	static final String CDN_PATH = "/" + TwilioFixtures.ACCOUNT_SID + "/75a49858f1d56398a0dcbe376bc18fd2";

	static final String BASIC = "Basic " + Base64.getEncoder()
		.encodeToString(
				(TwilioFixtures.ACCOUNT_SID + ":" + TwilioFixtures.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	InMemoryMediaStore store;

	TwilioMediaFetcher fetcher;

	@BeforeEach
	void setUp() {
		this.store = new InMemoryMediaStore();
		this.fetcher = fetcher(DataSize.ofKilobytes(64));
	}

	private TwilioMediaFetcher fetcher(DataSize maxBytes) {
		return fetcher(maxBytes, java.time.Duration.ofSeconds(10));
	}

	private TwilioMediaFetcher fetcher(DataSize maxBytes, java.time.Duration timeout) {
		TwilioProperties properties = TestTwilioProperties
			.withMedia(TestTwilioProperties.media(List.of("localhost"), List.of("127.0.0.1"), maxBytes, true, timeout));
		return new TwilioMediaFetcher(properties, new MediaSanitizer(MediaPolicy.defaults()), this.store);
	}

	private static String api(String path) {
		return "http://localhost:" + twilio.getPort() + path;
	}

	private static String cdn(String path) {
		return "http://127.0.0.1:" + twilio.getPort() + path;
	}

	@Test
	void aPhotoIsFetchedWithCredentialsThroughTheCdnRedirectSanitizedAndStored() throws Exception {
		byte[] photo = photo("iphone_photo_gps.jpg");
		twilio.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(
				aResponse().withStatus(307).withHeader("Location", cdn(CDN_PATH) + "?x-amz-security-token=abc")));
		twilio.stubFor(get(urlPathEqualTo(CDN_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(photo)));
		InboundMedia media = new InboundMedia(api(MEDIA_PATH), "image/jpeg", null, null, null);

		TwilioMediaFetcher.FetchedMedia fetched = this.fetcher.fetch(media);

		assertThat(fetched.contentType()).isEqualTo("image/jpeg");
		assertThat(fetched.exifLocation().latitude()).isCloseTo(42.36732, within(1e-5));
		assertThat(fetched.exifLocation().longitude()).isCloseTo(-71.10569, within(1e-5));
		MediaStore.StoredMedia stored = this.store.find(fetched.storedMediaId()).orElseThrow();
		assertThat(stored.size()).isEqualTo(fetched.size()).isLessThan(photo.length);
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.bytes()))
			.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
		InboundMedia updated = fetched.applyTo(media);
		assertThat(updated.storedMediaId()).isEqualTo(stored.id());
		assertThat(updated.sourceUrl()).isEqualTo(media.sourceUrl());
		assertThat(updated.exifLocation()).isEqualTo(fetched.exifLocation());
		// credentials go to Twilio's API host only, never to the CDN
		twilio.verify(getRequestedFor(urlPathEqualTo(MEDIA_PATH)).withHeader("Authorization", equalTo(BASIC)));
		twilio.verify(getRequestedFor(urlPathEqualTo(CDN_PATH)).withHeader("Authorization", absent()));
	}

	static Stream<Arguments> forbiddenUrls() {
		return Stream.of(Arguments.of("forged host", "https://attacker.example/Media/ME1", Reason.FORBIDDEN_HOST),
				Arguments.of("look-alike host", "https://api.twilio.com.attacker.example/Media/ME1",
						Reason.FORBIDDEN_HOST),
				Arguments.of("botbuilder fixture: no scheme", "www.google.com", Reason.BAD_URL),
				Arguments.of("plain http off loopback", "http://api.twilio.com/2010-04-01/Media/ME1", Reason.BAD_URL),
				Arguments.of("credentials in the URL", "https://user:pass@api.twilio.com/Media/ME1", Reason.BAD_URL),
				Arguments.of("file URL", "file:///etc/passwd", Reason.BAD_URL),
				Arguments.of("nothing", null, Reason.BAD_URL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbiddenUrls")
	void urlsOutsideTwilioAreRefusedWithoutAnyRequest(String name, String url, Reason reason) {
		TwilioMediaFetchException failure = catchThrowableOfType(TwilioMediaFetchException.class,
				() -> this.fetcher.fetch(url, "image/jpeg"));

		assertThat(failure.reason()).isEqualTo(reason);
		assertThat(failure.retryable()).isFalse();
		twilio.verify(0, anyRequestedFor(anyUrl()));
		assertThat(this.store.size()).isZero();
	}

	@Test
	void aRedirectToAForeignHostIsNotFollowedAndCarriesNoCredentials() {
		twilio.stubFor(get(urlPathEqualTo(MEDIA_PATH))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "https://attacker.example/steal")));

		TwilioMediaFetchException failure = catchThrowableOfType(TwilioMediaFetchException.class,
				() -> this.fetcher.fetch(api(MEDIA_PATH), "image/jpeg"));

		assertThat(failure.reason()).isEqualTo(Reason.FORBIDDEN_HOST);
		twilio.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void redirectLoopsStop() {
		twilio.stubFor(get(urlPathEqualTo(MEDIA_PATH))
			.willReturn(aResponse().withStatus(302).withHeader("Location", api(MEDIA_PATH))));

		TwilioMediaFetchException failure = catchThrowableOfType(TwilioMediaFetchException.class,
				() -> this.fetcher.fetch(api(MEDIA_PATH), "image/jpeg"));

		assertThat(failure.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
		twilio.verify(4, getRequestedFor(urlPathEqualTo(MEDIA_PATH)));
	}

	static Stream<Arguments> badAnswers() throws IOException {
		byte[] big = new byte[70 * 1024];
		System.arraycopy(photo("iphone_photo.jpg"), 0, big, 0, 100);
		return Stream.of(
				Arguments.of("over max-bytes (Content-Length)", aResponse().withStatus(200).withBody(big),
						Reason.TOO_LARGE, false),
				Arguments.of("over max-bytes (chunked)",
						aResponse().withStatus(200).withBody(big).withChunkedDribbleDelay(4, 50), Reason.TOO_LARGE,
						false),
				Arguments.of("HTML instead of a photo",
						aResponse().withStatus(200)
							.withHeader("Content-Type", "image/jpeg")
							.withBody("<html><script>alert(1)</script></html>"),
						Reason.REJECTED, false),
				Arguments.of("JPEG declared as text/html",
						aResponse().withStatus(200).withBody(photo("iphone_photo.jpg")), Reason.REJECTED, false),
				Arguments.of("401", aResponse().withStatus(401), Reason.UNAUTHORIZED, false),
				Arguments.of("404", aResponse().withStatus(404), Reason.NOT_FOUND, false),
				Arguments.of("429", aResponse().withStatus(429), Reason.UNAVAILABLE, true),
				Arguments.of("503", aResponse().withStatus(503), Reason.UNAVAILABLE, true),
				Arguments.of("slower than media.timeout", aResponse().withStatus(200).withFixedDelay(4_000),
						Reason.NETWORK, true),
				Arguments.of("slower than media.timeout while streaming the body",
						aResponse().withStatus(200)
							.withBody(photo("iphone_photo.jpg"))
							.withChunkedDribbleDelay(20, 4_000),
						Reason.NETWORK, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAnswers")
	void badAnswersAreTypedFailures(String name, ResponseDefinitionBuilder answer, Reason reason, boolean retryable) {
		twilio.stubFor(get(urlPathEqualTo(MEDIA_PATH)).willReturn(answer));
		String declared = name.contains("text/html") ? "text/html" : "image/jpeg";

		TwilioMediaFetcher fetcher = name.startsWith("slower")
				? fetcher(DataSize.ofKilobytes(64), java.time.Duration.ofSeconds(1)) : this.fetcher;

		TwilioMediaFetchException failure = catchThrowableOfType(TwilioMediaFetchException.class,
				() -> fetcher.fetch(api(MEDIA_PATH), declared));

		assertThat(failure.reason()).isEqualTo(reason);
		assertThat(failure.retryable()).isEqualTo(retryable);
		assertThat(this.store.size()).isZero();
	}

	@Test
	void loopbackHttpIsRefusedUnlessConfigured() {
		TwilioProperties production = TestTwilioProperties
			.withMedia(TestTwilioProperties.media(List.of("localhost"), List.of(), DataSize.ofMegabytes(5), false));
		TwilioMediaFetcher strict = new TwilioMediaFetcher(production, new MediaSanitizer(), this.store);

		TwilioMediaFetchException failure = catchThrowableOfType(TwilioMediaFetchException.class,
				() -> strict.fetch(api(MEDIA_PATH), "image/jpeg"));

		assertThat(failure.reason()).isEqualTo(Reason.BAD_URL);
		twilio.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void wildcardHostsMatchSubdomainsOnly() {
		List<String> hosts = List.of("api.twilio.com", "*.twiliocdn.com");

		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://media.twiliocdn.com/x"), hosts)).isTrue();
		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://MMS.TwilioCDN.com/x"), hosts)).isTrue();
		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://api.twilio.com/x"), hosts)).isTrue();
		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://twiliocdn.com.evil.example/x"), hosts))
			.isFalse();
		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://eviltwiliocdn.com/x"), hosts)).isFalse();
		assertThat(TwilioMediaFetcher.hostIn(java.net.URI.create("https://xapi.twilio.com/x"), hosts)).isFalse();
	}

	static byte[] photo(String name) throws IOException {
		try (InputStream in = TwilioMediaFetcherTest.class.getResourceAsStream("/media/" + name)) {
			return in.readAllBytes();
		}
	}

}

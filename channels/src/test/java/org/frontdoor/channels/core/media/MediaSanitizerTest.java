package org.frontdoor.channels.core.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.channels.core.media.ExifFixtures.Gps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MediaSanitizerTest {

	private static final double CITY_HALL_LAT = 42.367320;

	private static final double CITY_HALL_LON = -71.105690;

	private final MediaSanitizer sanitizer = new MediaSanitizer();

	static Stream<Arguments> realPhotos() {
		return Stream.of(Arguments.of("iphone_photo.jpg", ImageFormat.JPEG, false),
				Arguments.of("iphone_photo_gps.jpg", ImageFormat.JPEG, true),
				Arguments.of("photo_gps.png", ImageFormat.PNG, true),
				Arguments.of("photo_xmp.gif", ImageFormat.GIF, false),
				Arguments.of("photo_gps.webp", ImageFormat.WEBP, true),
				Arguments.of("photo_gps.heic", ImageFormat.HEIC, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("realPhotos")
	void realPhotosLoseTheirMetadataAndKeepTheirGps(String file, ImageFormat format, boolean hasGps) throws Exception {
		byte[] original = resource(file);
		assertThat(readMetadata(original).getDirectories()).as("fixture carries metadata")
			.anyMatch((d) -> d instanceof ExifIFD0Directory || d instanceof XmpDirectory);

		SanitizedImage image = (SanitizedImage) this.sanitizer.sanitize(original, "image/jpeg");

		assertThat(image.format()).isEqualTo(format);
		assertThat(image.contentType()).isEqualTo(format.contentType());
		assertThat(image.originalSize()).isEqualTo(original.length);
		if (hasGps) {
			assertThat(image.exifLocation().latitude()).isCloseTo(CITY_HALL_LAT, within(1e-5));
			assertThat(image.exifLocation().longitude()).isCloseTo(CITY_HALL_LON, within(1e-5));
		}
		else {
			assertThat(image.exifLocation()).isNull();
		}
		assertNoIdentifyingMetadata(image.bytes());
		assertThat(ImageFormat.sniff(image.bytes())).contains(format);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("realPhotos")
	void strippedImagesStillDecodeToTheSamePicture(String file, ImageFormat format, boolean hasGps) throws Exception {
		byte[] original = resource(file);
		byte[] stripped = ((SanitizedImage) this.sanitizer.sanitize(original, null)).bytes();
		switch (format) {
			case JPEG, PNG, GIF -> {
				BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
				BufferedImage after = ImageIO.read(new ByteArrayInputStream(stripped));
				assertThat(after.getWidth()).isEqualTo(before.getWidth());
				assertThat(after.getHeight()).isEqualTo(before.getHeight());
				assertThat(after.getRGB(10, 10)).isEqualTo(before.getRGB(10, 10));
			}
			case HEIC, HEIF -> {
				// redacted in place: same size, image items and hvcC untouched
				assertThat(stripped).hasSize(original.length);
				assertThat(indexOf(stripped, "hvcC")).isEqualTo(indexOf(original, "hvcC"));
			}
			case WEBP -> {
				assertThat(indexOf(stripped, "VP8")).isPositive();
				long riffSize = (stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8 | (stripped[6] & 0xFF) << 16;
				assertThat(riffSize).isEqualTo(stripped.length - 8);
			}
		}
	}

	static Stream<Arguments> gpsCases() {
		return Stream.of(Arguments.of("southern and eastern hemispheres", Gps.of(-33.8688, 151.2093), -33.8688),
				Arguments.of("(0,0) is what cameras write without a fix", Gps.of(0, 0), null),
				Arguments.of("latitude out of range",
						new Gps("N", new long[] { 95, 1, 0, 1, 0, 1 }, "W", new long[] { 71, 1, 0, 1, 0, 1 }, "A"),
						null),
				Arguments.of("longitude out of range",
						new Gps("N", new long[] { 42, 1, 0, 1, 0, 1 }, "W", new long[] { 181, 1, 0, 1, 0, 1 }, "A"),
						null),
				Arguments.of("zero denominator (NaN)",
						new Gps("N", new long[] { 42, 0, 0, 0, 0, 0 }, "W", new long[] { 71, 1, 6, 1, 20, 1 }, "A"),
						null),
				Arguments.of("void fix (GPSStatus V)", Gps.of(42.3673, -71.1057).withStatus("V"), null),
				Arguments.of("missing longitude reference",
						new Gps("N", new long[] { 42, 1, 22, 1, 2, 1 }, null, new long[] { 71, 1, 6, 1, 20, 1 }, "A"),
						null),
				Arguments.of("no status tag", Gps.of(42.3673, -71.1057).withStatus(null), 42.3673));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("gpsCases")
	void gpsIsReadOnlyWhenUsable(String name, Gps gps, Double expectedLatitude) throws Exception {
		for (byte[] bytes : new byte[][] { ExifFixtures.jpeg(ExifFixtures.tiff(1, gps)),
				ExifFixtures.png(ExifFixtures.tiff(1, gps)) }) {
			SanitizedImage image = (SanitizedImage) this.sanitizer.sanitize(bytes, null);
			SharedLocation location = image.exifLocation();
			if (expectedLatitude == null) {
				assertThat(location).isNull();
			}
			else {
				assertThat(location.latitude()).isCloseTo(expectedLatitude, within(1e-4));
			}
			assertNoIdentifyingMetadata(image.bytes());
		}
	}

	@Test
	void jpegOrientationSurvivesAsTheOnlyTag() throws Exception {
		byte[] bytes = ExifFixtures.jpeg(ExifFixtures.tiff(6, Gps.of(42.3673, -71.1057)));

		byte[] stripped = ((SanitizedImage) this.sanitizer.sanitize(bytes, null)).bytes();

		ExifIFD0Directory ifd0 = readMetadata(stripped).getFirstDirectoryOfType(ExifIFD0Directory.class);
		assertThat(ifd0.getTagCount()).isEqualTo(1);
		assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
		assertNoIdentifyingMetadata(stripped);
	}

	@Test
	void jpegWithNormalOrientationGetsNoExifAtAll() throws Exception {
		byte[] stripped = ((SanitizedImage) this.sanitizer
			.sanitize(ExifFixtures.jpeg(ExifFixtures.tiff(1, Gps.of(42.3673, -71.1057))), null)).bytes();

		assertThat(readMetadata(stripped).getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
		assertThat(indexOf(stripped, "Exif")).isNegative();
	}

	@Test
	void imagesAfterTheFirstEndOfImageAreDropped() throws Exception {
		// multi-picture JPEGs (MPF) carry further JPEGs, each with its own Exif, after
		// EOI
		byte[] secondary = ExifFixtures.jpeg(ExifFixtures.tiff(1, Gps.of(42.3673, -71.1057)));
		byte[] bytes = ExifFixtures.concat(ExifFixtures.plainJpeg(), secondary);

		SanitizedImage image = (SanitizedImage) this.sanitizer.sanitize(bytes, null);

		assertThat(image.bytes()).hasSize(ExifFixtures.plainJpeg().length);
		assertThat(indexOf(image.bytes(), "Exif")).isNegative();
	}

	static Stream<Arguments> rejections() {
		byte[] jpeg = ExifFixtures.plainJpeg();
		byte[] png = ExifFixtures.png(null);
		byte[] truncatedPng = new byte[40];
		System.arraycopy(png, 0, truncatedPng, 0, 40);
		byte[] avif = ascii("\0\0\0\u001cftypavif\0\0\0\0avifmif1miaf");
		return Stream.of(Arguments.of("empty", new byte[0], null, RejectedMedia.Reason.EMPTY),
				Arguments.of("PDF", ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "image/jpeg",
						RejectedMedia.Reason.UNSUPPORTED_TYPE),
				Arguments.of("HTML", ascii("<html><script>alert(1)</script></html>"), "image/png",
						RejectedMedia.Reason.UNSUPPORTED_TYPE),
				Arguments.of("SVG", ascii("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
						"image/svg+xml", RejectedMedia.Reason.UNSUPPORTED_TYPE),
				Arguments.of("AVIF", avif, "image/avif", RejectedMedia.Reason.UNSUPPORTED_TYPE),
				Arguments.of("JPEG declared as HTML", jpeg, "text/html; charset=utf-8",
						RejectedMedia.Reason.TYPE_MISMATCH),
				Arguments.of("JPEG declared as SVG", jpeg, "image/svg+xml", RejectedMedia.Reason.TYPE_MISMATCH),
				Arguments.of("PNG declared as JavaScript", png, "application/javascript",
						RejectedMedia.Reason.TYPE_MISMATCH),
				Arguments.of("JPEG declared as json (Twilio botbuilder fixture)", jpeg, "json",
						RejectedMedia.Reason.TYPE_MISMATCH),
				Arguments.of("truncated PNG", truncatedPng, "image/png", RejectedMedia.Reason.MALFORMED),
				Arguments.of("JPEG without markers",
						ExifFixtures.concat(
								new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 2, 0x12, 0x34 },
								new byte[16]),
						null, RejectedMedia.Reason.MALFORMED));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejections")
	void badMediaIsRejectedWithAReason(String name, byte[] bytes, String declared, RejectedMedia.Reason reason) {
		SanitizeResult result = this.sanitizer.sanitize(bytes, declared);

		assertThat(result).isInstanceOfSatisfying(RejectedMedia.class, (rejected) -> {
			assertThat(rejected.reason()).isEqualTo(reason);
			assertThat(rejected.detail()).isNotBlank();
		});
	}

	@Test
	void harmlessMismatchesUseTheSniffedType() {
		SanitizeResult result = this.sanitizer.sanitize(ExifFixtures.plainJpeg(), "image/png");

		assertThat(result).isInstanceOfSatisfying(SanitizedImage.class,
				(image) -> assertThat(image.contentType()).isEqualTo("image/jpeg"));
	}

	@Test
	void sizeAndFormatLimitsComeFromThePolicy() {
		byte[] jpeg = ExifFixtures.plainJpeg();
		MediaSanitizer small = new MediaSanitizer(MediaPolicy.defaults().withMaxBytes(jpeg.length - 1));
		MediaSanitizer jpegOnly = new MediaSanitizer(new MediaPolicy(1024 * 1024, EnumSet.of(ImageFormat.JPEG)));

		assertThat(small.sanitize(jpeg, null)).isInstanceOfSatisfying(RejectedMedia.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(RejectedMedia.Reason.TOO_LARGE));
		assertThat(new MediaSanitizer(MediaPolicy.defaults().withMaxBytes(jpeg.length)).sanitize(jpeg, null))
			.isInstanceOf(SanitizedImage.class);
		assertThat(jpegOnly.sanitize(ExifFixtures.png(null), null)).isInstanceOfSatisfying(RejectedMedia.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(RejectedMedia.Reason.FORMAT_NOT_ALLOWED));
	}

	static void assertNoIdentifyingMetadata(byte[] bytes) throws Exception {
		Metadata metadata = readMetadata(bytes);
		for (Class<? extends Directory> type : java.util.List.of(GpsDirectory.class, ExifSubIFDDirectory.class,
				ExifThumbnailDirectory.class, XmpDirectory.class, IptcDirectory.class, JpegCommentDirectory.class)) {
			assertThat(metadata.getDirectoriesOfType(type)).as(type.getSimpleName()).isEmpty();
		}
		for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
			assertThat(ifd0.getTags()).allMatch((tag) -> tag.getTagType() == ExifIFD0Directory.TAG_ORIENTATION);
		}
		for (PngDirectory png : metadata.getDirectoriesOfType(PngDirectory.class)) {
			assertThat(png.containsTag(PngDirectory.TAG_TEXTUAL_DATA)).isFalse();
			assertThat(png.containsTag(PngDirectory.TAG_LAST_MODIFICATION_TIME)).isFalse();
		}
		assertThat(metadata.getFirstDirectoryOfType(FileTypeDirectory.class)).isNotNull();
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("Resident Name", "resident comment", "SERIAL", "C3XPH1234", "Apple");
	}

	private static Metadata readMetadata(byte[] bytes) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
	}

	static byte[] resource(String name) throws IOException {
		try (InputStream in = MediaSanitizerTest.class.getResourceAsStream("/media/" + name)) {
			return in.readAllBytes();
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static int indexOf(byte[] bytes, String needle) {
		return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(needle);
	}

}

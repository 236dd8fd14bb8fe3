package org.frontdoor.gateway.chat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.exif.GpsDirectory;

/**
 * Small JPEG photos for chat tests, optionally with an EXIF GPS position written byte by
 * byte (little-endian TIFF: IFD0 with a GPS pointer, a GPS IFD with latitude and
 * longitude as degree/minute/second rationals).
 */
final class TestPhotos {

	private TestPhotos() {
	}

	/** A 32×32 JPEG without metadata. */
	static byte[] plainJpeg() {
		BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x3a, 0x7d, 0x44));
		g.fillRect(0, 0, 32, 32);
		g.setColor(Color.WHITE);
		g.drawLine(0, 0, 31, 31);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A JPEG whose EXIF says it was taken at a position.
	 * @param lat latitude (north positive)
	 * @param lon longitude (east positive)
	 * @return the JPEG bytes
	 */
	static byte[] jpegAt(double lat, double lon) {
		byte[] jpeg = plainJpeg();
		byte[] tiff = gpsTiff(lat, lon);
		ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
		app1.putShort((short) 0xFFE1).putShort((short) (2 + 6 + tiff.length)).put("Exif\0\0".getBytes()).put(tiff);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.writeBytes(app1.array());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A valid JPEG of exactly the given size: the small photo padded with comment (COM)
	 * segments, which the media sanitizer strips.
	 * @param size the total size in bytes
	 * @return the JPEG bytes
	 */
	static byte[] jpegOfSize(int size) {
		byte[] jpeg = plainJpeg();
		int padding = size - jpeg.length;
		int segments = (padding + 65536) / 65537;
		if (padding < 4 * segments) {
			throw new IllegalArgumentException("a JPEG of " + size + " bytes cannot be made from " + jpeg.length);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(size);
		out.write(jpeg, 0, 2);
		for (int i = 0; i < segments; i++) {
			// each segment costs 4 bytes of marker and length plus its payload
			int cost = padding / segments + ((i < padding % segments) ? 1 : 0);
			int length = cost - 2;
			out.write(0xFF);
			out.write(0xFE);
			out.write(length >> 8);
			out.write(length & 0xFF);
			out.writeBytes(new byte[cost - 4]);
		}
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] gpsTiff(double lat, double lon) {
		ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: one entry, the GPS IFD pointer (0x8825) to offset 26
		b.putShort((short) 1);
		entry(b, 0x8825, 4, 1, 26);
		b.putInt(0);
		// GPS IFD at 26: four entries, rationals at 80 and 104
		b.putShort((short) 4);
		asciiEntry(b, 1, (lat >= 0) ? 'N' : 'S');
		entry(b, 2, 5, 3, 80);
		asciiEntry(b, 3, (lon >= 0) ? 'E' : 'W');
		entry(b, 4, 5, 3, 104);
		b.putInt(0);
		dms(b, Math.abs(lat));
		dms(b, Math.abs(lon));
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void asciiEntry(ByteBuffer b, int tag, char ref) {
		b.putShort((short) tag).putShort((short) 2).putInt(2).put((byte) ref).put((byte) 0).putShort((short) 0);
	}

	private static void dms(ByteBuffer b, double value) {
		long degrees = (long) value;
		double minutesFull = (value - degrees) * 60;
		long minutes = (long) minutesFull;
		long seconds = Math.round((minutesFull - minutes) * 60 * 10000);
		b.putInt((int) degrees).putInt(1).putInt((int) minutes).putInt(1).putInt((int) seconds).putInt(10000);
	}

	/**
	 * Whether an image carries an EXIF GPS directory.
	 * @param image the image bytes
	 * @return {@code true} if it says where it was taken
	 */
	static boolean gps(byte[] image) {
		try {
			return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image))
				.getFirstDirectoryOfType(GpsDirectory.class) != null;
		}
		catch (ImageProcessingException | IOException ex) {
			throw new IllegalArgumentException("not a readable image: " + ex.getMessage(), ex);
		}
	}

}

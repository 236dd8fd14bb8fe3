package org.frontdoor.channels.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Builds test images carrying EXIF written byte by byte (a big-endian TIFF structure with
 * IFD0, an Exif sub-IFD and a GPS IFD), for cases no real photo shows: (0,0), out of
 * range, zero denominators, void fixes, orientations.
 */
final class ExifFixtures {

	private static final int ASCII = 2;

	private static final int SHORT = 3;

	private static final int LONG = 4;

	private static final int RATIONAL = 5;

	private ExifFixtures() {
	}

	/** One GPS position as EXIF writes it: degrees, minutes, seconds as rationals. */
	record Gps(String latRef, long[] lat, String lonRef, long[] lon, String status) {

		static Gps of(double lat, double lon) {
			return new Gps((lat >= 0) ? "N" : "S", dms(Math.abs(lat)), (lon >= 0) ? "E" : "W", dms(Math.abs(lon)), "A");
		}

		Gps withStatus(String value) {
			return new Gps(this.latRef, this.lat, this.lonRef, this.lon, value);
		}

		private static long[] dms(double value) {
			long degrees = (long) value;
			double minutesFull = (value - degrees) * 60;
			long minutes = (long) minutesFull;
			long seconds = Math.round((minutesFull - minutes) * 60 * 10000);
			return new long[] { degrees, 1, minutes, 1, seconds, 10000 };
		}

	}

	/** A TIFF/EXIF block: Make, Orientation, Exif sub-IFD (DateTimeOriginal) and GPS. */
	static byte[] tiff(int orientation, Gps gps) {
		List<Entry> ifd0 = new ArrayList<>();
		ifd0.add(ascii(0x010F, "Apple"));
		ifd0.add(ascii(0x0110, "iPhone 15"));
		ifd0.add(new Entry(0x0112, SHORT, 1, shortValue(orientation)));
		ifd0.add(new Entry(0x8769, LONG, 1, new byte[4])); // Exif sub-IFD pointer
		if (gps != null) {
			ifd0.add(new Entry(0x8825, LONG, 1, new byte[4])); // GPS IFD pointer
		}
		List<Entry> exif = List.of(ascii(0x9003, "2024:05:01 08:30:00"), ascii(0xA431, "SERIAL-0042"));
		List<Entry> gpsIfd = new ArrayList<>();
		if (gps != null) {
			gpsIfd.add(new Entry(0x0000, 1, 4, new byte[] { 2, 3, 0, 0 }));
			if (gps.latRef() != null) {
				gpsIfd.add(ascii(0x0001, gps.latRef()));
			}
			gpsIfd.add(new Entry(0x0002, RATIONAL, 3, rationals(gps.lat())));
			if (gps.lonRef() != null) {
				gpsIfd.add(ascii(0x0003, gps.lonRef()));
			}
			gpsIfd.add(new Entry(0x0004, RATIONAL, 3, rationals(gps.lon())));
			if (gps.status() != null) {
				gpsIfd.add(ascii(0x0009, gps.status()));
			}
		}
		int ifd0Offset = 8;
		int exifOffset = ifd0Offset + size(ifd0);
		int gpsOffset = exifOffset + size(exif);
		ifd0.set(3, new Entry(0x8769, LONG, 1, intValue(exifOffset)));
		if (gps != null) {
			ifd0.set(4, new Entry(0x8825, LONG, 1, intValue(gpsOffset)));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8 });
		out.writeBytes(ifd(ifd0, ifd0Offset));
		out.writeBytes(ifd(exif, exifOffset));
		if (gps != null) {
			out.writeBytes(ifd(gpsIfd, gpsOffset));
		}
		return out.toByteArray();
	}

	/** A baseline JPEG from ImageIO with an Exif APP1, an XMP APP1 and a COM segment. */
	static byte[] jpeg(byte[] tiff) {
		byte[] plain = plainJpeg();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		if (tiff != null) {
			byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
			segment(out, 0xE1, exif);
		}
		segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
				+ "<dc:creator>Resident Name</dc:creator></x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8));
		segment(out, 0xFE, "resident comment".getBytes(StandardCharsets.UTF_8));
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A JPEG straight from ImageIO (JFIF, no metadata), 32×24. */
	static byte[] plainJpeg() {
		return encode("jpg");
	}

	/** A PNG from ImageIO with eXIf, tEXt, iTXt, zTXt and tIME chunks. */
	static byte[] png(byte[] tiff) {
		byte[] plain = encode("png");
		int afterIhdr = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, afterIhdr);
		if (tiff != null) {
			chunk(out, "eXIf", tiff);
		}
		chunk(out, "tEXt", "Author\0Resident Name".getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "iTXt", "Comment\0\0\0en\0\0near my house".getBytes(StandardCharsets.UTF_8));
		chunk(out, "zTXt", "Software\0\0x".getBytes(StandardCharsets.ISO_8859_1));
		chunk(out, "tIME", new byte[] { 0x07, (byte) 0xE8, 5, 1, 8, 30, 0 });
		out.write(plain, afterIhdr, plain.length - afterIhdr);
		return out.toByteArray();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	private static byte[] encode(String format) {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.DARK_GRAY);
		graphics.fillRect(0, 0, 32, 24);
		graphics.setColor(Color.ORANGE);
		graphics.fillOval(4, 4, 20, 12);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		out.write(0xFF);
		out.write(marker);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(intValue(data.length));
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(intValue((int) crc.getValue()));
	}

	private record Entry(int tag, int type, int count, byte[] value) {

	}

	private static Entry ascii(int tag, String text) {
		byte[] bytes = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
		return new Entry(tag, ASCII, bytes.length, bytes);
	}

	private static int size(List<Entry> entries) {
		int size = 2 + 12 * entries.size() + 4;
		for (Entry entry : entries) {
			if (entry.value().length > 4) {
				size += entry.value().length + (entry.value().length & 1);
			}
		}
		return size;
	}

	private static byte[] ifd(List<Entry> entries, int offset) {
		ByteBuffer buffer = ByteBuffer.allocate(size(entries));
		buffer.putShort((short) entries.size());
		int dataOffset = offset + 2 + 12 * entries.size() + 4;
		List<byte[]> data = new ArrayList<>();
		for (Entry entry : entries) {
			buffer.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
			if (entry.value().length <= 4) {
				byte[] padded = new byte[4];
				System.arraycopy(entry.value(), 0, padded, 0, entry.value().length);
				buffer.put(padded);
			}
			else {
				buffer.putInt(dataOffset);
				data.add(entry.value());
				dataOffset += entry.value().length + (entry.value().length & 1);
			}
		}
		buffer.putInt(0);
		for (byte[] value : data) {
			buffer.put(value);
			if ((value.length & 1) == 1) {
				buffer.put((byte) 0);
			}
		}
		return buffer.array();
	}

	private static byte[] rationals(long[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		for (long value : values) {
			buffer.putInt((int) value);
		}
		return buffer.array();
	}

	private static byte[] shortValue(int value) {
		return new byte[] { (byte) (value >> 8), (byte) value };
	}

	private static byte[] intValue(int value) {
		return ByteBuffer.allocate(4).putInt(value).array();
	}

}

package org.frontdoor.channels.email.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Loads the real mail fixtures under {@code src/test/resources/email/} (see its
 * {@code SOURCES.md}). Body-only fixtures are wrapped in a minimal mail from a resident:
 * {@code .txt} as a {@code text/plain} UTF-8 body, {@code .html} as {@code text/html},
 * {@code .dat} (a raw {@code winmail.dat}) as the only part of the mail, the way Outlook
 * sends rich text.
 */
public final class Samples {

	/** The sender of wrapped body-only fixtures. */
	public static final String RESIDENT = "resident@example.org";

	private Samples() {
	}

	/**
	 * The bytes of a fixture as a complete mail.
	 * @param path the path under {@code email/}, e.g.
	 * {@code talon/standard_reply_gmail.eml}
	 * @return the raw mail
	 */
	public static byte[] mail(String path) {
		byte[] bytes = resource("/email/" + path);
		if (path.endsWith(".eml")) {
			return bytes;
		}
		String id = "<fixture-" + path.replaceAll("[^A-Za-z0-9]", "-") + "@test.example>";
		String headers = "From: Resident <" + RESIDENT + ">\r\nTo: " + TestEmailProperties.CITY
				+ "\r\nDate: Tue, 3 Nov 2026 10:00:00 -0500\r\nMessage-ID: " + id + "\r\nMIME-Version: 1.0\r\n";
		if (path.endsWith(".dat")) {
			String body = Base64.getMimeEncoder().encodeToString(bytes);
			return (headers + "Content-Type: application/ms-tnef; name=\"winmail.dat\"\r\n"
					+ "Content-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
					+ body + "\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}
		String type = path.endsWith(".html") ? "text/html" : "text/plain";
		String body = Base64.getMimeEncoder().encodeToString(bytes);
		return (headers + "Content-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
				+ body + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A classpath resource's bytes.
	 * @param name the resource name
	 * @return the bytes
	 */
	public static byte[] resource(String name) {
		try (InputStream in = Samples.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + name);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

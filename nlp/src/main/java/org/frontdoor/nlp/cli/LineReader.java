package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of any length safely: a line longer than the limit is skipped to its end
 * and reported as too long instead of filling memory.
 */
final class LineReader {

	/** Lines longer than this (in chars) are refused. */
	static final int MAX_LINE = 2 * 1024 * 1024;

	private final Reader reader;

	private boolean eof;

	private String tooLongPrefix = "";

	LineReader(Reader reader) {
		this.reader = reader;
	}

	/**
	 * The next line.
	 * @return the line, {@link #TOO_LONG} for an over-long line, or {@code null} at the
	 * end
	 * @throws IOException when reading fails
	 */
	String next() throws IOException {
		if (this.eof) {
			return null;
		}
		StringBuilder b = new StringBuilder();
		boolean tooLong = false;
		int c;
		boolean any = false;
		while ((c = this.reader.read()) != -1) {
			any = true;
			if (c == '\n') {
				break;
			}
			if (!tooLong) {
				if (b.length() >= MAX_LINE) {
					tooLong = true;
					this.tooLongPrefix = b.substring(0, Math.min(b.length(), 512));
					b.setLength(0);
				}
				else {
					b.append((char) c);
				}
			}
		}
		if (c == -1) {
			this.eof = true;
			if (!any) {
				return null;
			}
		}
		if (tooLong) {
			return TOO_LONG;
		}
		int len = b.length();
		if (len > 0 && b.charAt(len - 1) == '\r') {
			b.setLength(len - 1);
		}
		return b.toString();
	}

	/**
	 * The start of the last over-long line (to recover its id).
	 * @return up to 512 characters
	 */
	String tooLongPrefix() {
		return this.tooLongPrefix;
	}

	/** Marker returned for a line over the limit. */
	static final String TOO_LONG = new String("\u0000too-long");

}

package org.frontdoor.templates;

/**
 * One file of a message: {@code <key>.<extension>.mustache}.
 */
public enum TemplatePart {

	/** The email subject ({@code .subject.mustache}); rendered as one plain line. */
	SUBJECT("subject", false),

	/** The plain-text body ({@code .txt.mustache}); never HTML-escaped. */
	TEXT("txt", false),

	/** The HTML body of an email ({@code .html.mustache}); every value HTML-escaped. */
	HTML("html", true),

	/**
	 * Chat quick-reply buttons ({@code .quick.mustache}): one button per line,
	 * {@code value | label}; the value is what the widget sends back when pressed.
	 */
	QUICK_REPLIES("quick", false);

	private final String extension;

	private final boolean html;

	TemplatePart(String extension, boolean html) {
		this.extension = extension;
		this.html = html;
	}

	/**
	 * The part's extension in file names.
	 * @return e.g. {@code "txt"}
	 */
	public String extension() {
		return this.extension;
	}

	/**
	 * Whether values are HTML-escaped in this part.
	 * @return {@code true} only for {@link #HTML}
	 */
	public boolean html() {
		return this.html;
	}

	/**
	 * The file name of this part for a key.
	 * @param name the key id, or {@code _} plus a partial's name
	 * @return e.g. {@code "submitted.txt.mustache"}
	 */
	public String fileName(String name) {
		return name + "." + this.extension + ".mustache";
	}

}

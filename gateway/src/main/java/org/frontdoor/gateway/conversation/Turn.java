package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.frontdoor.nlp.classify.Classification;
import org.frontdoor.nlp.intent.Intent;

/**
 * One resident message as the dialog sees it: the command it is (keywords before NLP),
 * its words, the services it suggests, the location it gives, the photos it brought.
 *
 * @param command the command, or {@link Intent#REPORT} for anything else
 * @param argument the command's argument (the menu number, the request id of STATUS, the
 * language of LANG), or {@code null}
 * @param text the resident's words (trimmed)
 * @param classification the services the words suggest, or {@code null} when not
 * classified
 * @param location what the message says about the place, or {@code null} when nothing
 * @param mediaIds photos stored from this message (EXIF-free)
 * @param mediaProblem why a photo of this message was refused ({@code too-big},
 * {@code type}), or {@code null}
 * @param locale the language the resident is answered in (dates are read in its order)
 * @param at when the message was received
 */
public record Turn(Intent command, String argument, String text, Classification classification,
		LocationFinding location, List<String> mediaIds, String mediaProblem, Locale locale, Instant at) {

	/** {@link #mediaProblem()}: a photo was over the size limit. */
	public static final String MEDIA_TOO_BIG = "too-big";

	/** {@link #mediaProblem()}: a medium was not a supported photo. */
	public static final String MEDIA_TYPE = "type";

	public Turn {
		text = (text != null) ? text.strip() : "";
		mediaIds = (mediaIds != null) ? List.copyOf(mediaIds) : List.of();
	}

	/**
	 * The same message answered in another language.
	 * @param replyLocale the language
	 * @return a copy
	 */
	public Turn withLocale(Locale replyLocale) {
		return new Turn(this.command, this.argument, this.text, this.classification, this.location, this.mediaIds,
				this.mediaProblem, replyLocale, this.at);
	}

	/**
	 * The menu number of a {@link Intent#MENU} command.
	 * @return the number, or -1
	 */
	public int menuNumber() {
		if (this.command != Intent.MENU || this.argument == null) {
			return -1;
		}
		try {
			return Integer.parseInt(this.argument);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}

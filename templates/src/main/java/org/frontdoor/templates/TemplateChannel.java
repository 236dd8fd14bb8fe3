package org.frontdoor.templates;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The resident-facing channel a message is rendered for (blueprint §1). Each has a
 * directory under {@code templates/}, the template parts it needs, and possibly a channel
 * whose wording it reuses when it has no file of its own.
 */
public enum TemplateChannel {

	/** SMS and MMS: short plain text, measured in segments. */
	SMS("sms", null, true, EnumSet.of(TemplatePart.TEXT)),

	/**
	 * WhatsApp: short plain text; uses the SMS wording unless a {@code whatsapp/} file
	 * exists for the key.
	 */
	WHATSAPP("whatsapp", SMS, true, EnumSet.of(TemplatePart.TEXT)),

	/** Email: a subject, a plain-text part and an HTML part. */
	EMAIL("email", null, false, EnumSet.of(TemplatePart.SUBJECT, TemplatePart.TEXT, TemplatePart.HTML)),

	/** Web chat: plain text plus optional quick-reply buttons. */
	CHAT("chat", null, false, EnumSet.of(TemplatePart.TEXT, TemplatePart.QUICK_REPLIES));

	private final String directory;

	private final TemplateChannel fallback;

	private final boolean shortForm;

	private final Set<TemplatePart> parts;

	TemplateChannel(String directory, TemplateChannel fallback, boolean shortForm, Set<TemplatePart> parts) {
		this.directory = directory;
		this.fallback = fallback;
		this.shortForm = shortForm;
		this.parts = parts;
	}

	/**
	 * The channel for a name such as {@code "SMS"} or {@code "whatsapp"} (the
	 * {@code channels} module's {@code Channel} enum names map one to one).
	 * @param name the channel name, any case
	 * @return the channel
	 * @throws IllegalArgumentException for an unknown name (a programming error)
	 */
	public static TemplateChannel of(String name) {
		if (name != null) {
			String wanted = name.trim().toLowerCase(Locale.ROOT);
			for (TemplateChannel channel : values()) {
				if (channel.directory.equals(wanted)) {
					return channel;
				}
			}
		}
		throw new IllegalArgumentException(
				"Unknown channel '" + name + "'; expected one of sms, whatsapp, email, chat");
	}

	/**
	 * The directory name under {@code templates/} and under an override directory.
	 * @return e.g. {@code "sms"}
	 */
	public String directory() {
		return this.directory;
	}

	/**
	 * The channel whose files this one uses when it has none of its own.
	 * @return the fallback channel, or {@code null}
	 */
	public TemplateChannel fallback() {
		return this.fallback;
	}

	/**
	 * Whether messages on this channel are short plain text held to the SMS segment
	 * budget (SMS and WhatsApp). Short channels use the tighter variable limits of
	 * {@link TemplateVariable}.
	 * @return {@code true} for SMS and WhatsApp
	 */
	public boolean shortForm() {
		return this.shortForm;
	}

	/**
	 * The parts a message on this channel has. {@link TemplatePart#QUICK_REPLIES} is
	 * optional per key; every other part must exist for every key.
	 * @return the parts
	 */
	public Set<TemplatePart> parts() {
		return EnumSet.copyOf(this.parts);
	}

}

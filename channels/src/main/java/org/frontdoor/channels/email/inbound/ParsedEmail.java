package org.frontdoor.channels.email.inbound;

import java.time.Instant;
import java.util.List;

/**
 * A mail after MIME parsing, before any decision: headers, the body text the resident's
 * client meant to show (not yet stripped of quotes), forwarded bodies, and attachments.
 *
 * @param headers the top-level header fields
 * @param messageId the {@code Message-ID} in its {@code <…>} form, or {@code null}
 * @param from the first {@code From} mailbox (or {@code Sender} when {@code From} has
 * none), or {@code null}
 * @param replyTo the first {@code Reply-To} mailbox, or {@code null}
 * @param recipients the {@code To} and {@code Cc} addresses, lower case
 * @param subject the decoded subject, or {@code null}
 * @param sentAt the {@code Date} header, or {@code null} when absent or unparseable
 * @param inReplyTo message ids in {@code In-Reply-To}
 * @param references message ids in {@code References}, oldest first
 * @param contentType the top-level base content type, lower case
 * @param reportType the {@code report-type} of a {@code multipart/report}, lower case, or
 * {@code null}
 * @param body the body as plain text (HTML converted, format=flowed undone), possibly
 * empty
 * @param bodyFromHtml whether the body came from HTML (no usable plain-text part)
 * @param forwardedBody text of attached messages ({@code message/rfc822}), possibly empty
 * @param attachments attachments and embedded images, in document order
 * @param notes what the parser worked around (depth limit, unknown charset, unreadable
 * part…), for metadata and the admin
 */
public record ParsedEmail(MailHeaders headers, String messageId, Mailbox from, Mailbox replyTo, List<String> recipients,
		String subject, Instant sentAt, List<String> inReplyTo, List<String> references, String contentType,
		String reportType, String body, boolean bodyFromHtml, String forwardedBody, List<MailAttachment> attachments,
		List<String> notes) {

	public ParsedEmail {
		recipients = List.copyOf(recipients);
		inReplyTo = List.copyOf(inReplyTo);
		references = List.copyOf(references);
		attachments = List.copyOf(attachments);
		notes = List.copyOf(notes);
		body = (body != null) ? body : "";
		forwardedBody = (forwardedBody != null) ? forwardedBody : "";
	}

	/**
	 * A mailbox.
	 *
	 * @param address the address, lower case
	 * @param name the display name, or {@code null}
	 */
	public record Mailbox(String address, String name) {

		/**
		 * The local part (before {@code @}).
		 * @return the local part
		 */
		public String localPart() {
			int at = this.address.lastIndexOf('@');
			return (at >= 0) ? this.address.substring(0, at) : this.address;
		}

	}

	/**
	 * An attachment or embedded image.
	 *
	 * @param filename the decoded file name, or {@code null}
	 * @param declaredType the declared base content type, lower case
	 * @param contentId the {@code Content-ID} without angle brackets, or {@code null}
	 * @param embedded whether the HTML shows it inline (a {@code multipart/related}
	 * resource or referenced by {@code cid:}): signature logos live here
	 * @param fromTnef whether it came out of a {@code winmail.dat}
	 * @param bytes the decoded bytes for possible photos, {@code null} for other types or
	 * when over the size limit
	 * @param size the decoded size in bytes, or -1 when not read
	 * @param oversized whether it exceeded the attachment size limit (bytes then
	 * {@code null})
	 */
	public record MailAttachment(String filename, String declaredType, String contentId, boolean embedded,
			boolean fromTnef, byte[] bytes, long size, boolean oversized) {

		/**
		 * A short description for metadata, e.g. {@code application/pdf test.pdf}.
		 * @return the description
		 */
		public String describe() {
			return (this.filename != null) ? this.declaredType + " " + this.filename : this.declaredType;
		}

	}

}

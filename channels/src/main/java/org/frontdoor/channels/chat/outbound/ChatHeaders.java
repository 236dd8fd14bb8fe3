package org.frontdoor.channels.chat.outbound;

/**
 * The {@link org.frontdoor.channels.core.OutboundMessage#headers()} the chat sender
 * understands. The conversation engine and the status relay set them; unknown headers are
 * ignored, and without any the message is a plain reply.
 */
public final class ChatHeaders {

	/**
	 * What the message is: {@code reply} (default: questions, menus, confirmations, help)
	 * or {@code status} (a status update of a service request).
	 */
	public static final String KIND = "FrontDoor-Kind";

	/**
	 * The language the text is written in ({@code en}, {@code es}); the widget switches
	 * its own labels to it unless the resident chose a language.
	 */
	public static final String LANGUAGE = "Content-Language";

	/** The service request the message is about (confirmations, status updates). */
	public static final String SERVICE_REQUEST_ID = "FrontDoor-Service-Request-Id";

	/** The request's status: {@code open} or {@code closed} (Open311 status). */
	public static final String STATUS = "FrontDoor-Status";

	/** The backend's own status wording, when it has a more detailed one. */
	public static final String STATUS_DETAIL = "FrontDoor-Status-Detail";

	private ChatHeaders() {
	}

}

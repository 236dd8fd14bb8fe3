package org.frontdoor.channels.chat.outbound;

import org.frontdoor.channels.chat.ChatEvent;

/**
 * The wire format of one chat event as a server-sent event:
 *
 * <pre>
 * id: 7
 * event: reply
 * data: {"id":7,"type":"reply","at":"2025-05-01T12:00:00Z","author":"city","text":"…",…}
 * </pre>
 *
 * The JSON object is the stored event data with {@code id}, {@code type} and {@code at}
 * in front. JSON never contains a raw line break, so {@code data:} is one line.
 */
public final class ChatEventFormat {

	private ChatEventFormat() {
	}

	/**
	 * The event's JSON object as clients receive it.
	 * @param event the event
	 * @return the JSON text
	 */
	public static String json(ChatEvent event) {
		String data = event.data().strip();
		String head = "{\"id\":" + event.seq() + ",\"type\":\"" + event.kind().wireName() + "\",\"at\":\""
				+ event.createdAt() + "\"";
		if (data.length() <= 2) {
			return head + "}";
		}
		return head + "," + data.substring(1);
	}

	/**
	 * The event as one server-sent event block.
	 * @param event the event
	 * @return {@code id:}, {@code event:} and {@code data:} lines and a blank line
	 */
	public static String sse(ChatEvent event) {
		return "id: " + event.seq() + "\nevent: " + event.kind().wireName() + "\ndata: "
				+ json(event).replace("\n", "\\n").replace("\r", "\\r") + "\n\n";
	}

}

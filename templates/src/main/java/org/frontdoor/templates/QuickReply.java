package org.frontdoor.templates;

/**
 * A button a chat widget shows under a message.
 *
 * @param label what the resident sees (plain text; render it as text, never as HTML)
 * @param value what the widget sends back as the resident's message when pressed
 */
public record QuickReply(String label, String value) {

}

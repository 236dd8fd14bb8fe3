/**
 * The web chat channel: an embeddable widget (served by the gateway) talking to a small
 * HTTP API ({@code /api/chat/**}). {@code inbound/} turns the resident's messages into
 * stored {@link org.frontdoor.channels.core.InboundMessage}s, {@code outbound/} appends
 * FrontDoor's replies and status updates to the session's event log and streams them as
 * server-sent events. The gateway implements the persistence SPI of this package
 * ({@link org.frontdoor.channels.chat.ChatSessionStore},
 * {@link org.frontdoor.channels.chat.ChatEventLog},
 * {@link org.frontdoor.channels.chat.ChatRateLimiter}) and wakes streams through
 * {@link org.frontdoor.channels.chat.outbound.ChatStreamHub} when an event is appended on
 * any instance.
 */
package org.frontdoor.channels.chat;

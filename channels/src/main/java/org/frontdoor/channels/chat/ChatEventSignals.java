package org.frontdoor.channels.chat;

import java.util.UUID;

/**
 * How the event log's implementation tells this instance's open event streams that a
 * session has new events (the gateway calls it from its PostgreSQL {@code LISTEN} loop,
 * for appends made by any instance).
 */
public interface ChatEventSignals {

	/**
	 * A session has new events: wake its streams on this instance.
	 * @param sessionId the session
	 */
	void signal(UUID sessionId);

	/**
	 * Wake every stream on this instance (after notifications may have been missed, e.g.
	 * when the listening connection was re-established).
	 */
	void signalAll();

}

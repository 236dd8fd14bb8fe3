package org.frontdoor.gateway.status;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One real change of a tracked service request: a new status, new status notes, or a
 * newer {@code updated_datetime} (blueprint §6).
 * <p>
 * Published inside the transaction that stores the new state on the
 * {@code service_request_link} and inserts the {@code status_change} row
 * {@link #changeId()}: a plain {@code @EventListener} runs in it, so the notifications it
 * queues (through {@code OutboundOutbox.enqueue} with a dedupe key such as
 * {@code status-change:<changeId>:<subscriptionId>}) commit exactly when the change does,
 * and an exception rolls the change back so it is detected again. A relay that prefers to
 * work asynchronously can instead consume {@code status_change} rows where
 * {@code relayed_at is null} and set it.
 *
 * @param changeId the {@code status_change} row id
 * @param linkId the {@code service_request_link} id
 * @param serviceRequestId the backend's id
 * @param oldStatus the previous status ({@code open}/{@code closed}), or {@code null}
 * @param newStatus the new status ({@code open}/{@code closed})
 * @param rawStatus the status as the backend wrote it
 * @param statusNotes the backend's notes, or {@code null}
 * @param updatedAt the backend's {@code updated_datetime}, or {@code null}
 * @param changes what changed
 */
public record StatusChangedEvent(long changeId, UUID linkId, String serviceRequestId, String oldStatus,
		String newStatus, String rawStatus, String statusNotes, Instant updatedAt, Set<Change> changes) {

	/** What changed. */
	public enum Change {

		/** The status (or the raw status) differs. */
		STATUS,

		/** The status notes differ. */
		NOTES,

		/** The backend's updated time is newer. */
		UPDATED

	}

}

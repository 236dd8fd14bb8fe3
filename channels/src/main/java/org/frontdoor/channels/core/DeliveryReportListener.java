package org.frontdoor.channels.core;

/**
 * Receives delivery reports (implemented by the gateway's outbound outbox, which records
 * them and applies opt-outs). Called on the webhook thread: it must only persist, never
 * call out.
 */
public interface DeliveryReportListener {

	/**
	 * Record one delivery report. Idempotent: the same report twice changes nothing.
	 * @param report the report
	 */
	void onDeliveryReport(DeliveryReport report);

}

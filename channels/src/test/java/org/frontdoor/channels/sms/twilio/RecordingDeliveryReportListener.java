package org.frontdoor.channels.sms.twilio;

import java.util.ArrayList;
import java.util.List;

import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.DeliveryReportListener;

/**
 * A real, in-memory {@link DeliveryReportListener}: keeps each distinct report once (same
 * message, status and error code = same report).
 */
public class RecordingDeliveryReportListener implements DeliveryReportListener {

	private final List<DeliveryReport> reports = new ArrayList<>();

	@Override
	public synchronized void onDeliveryReport(DeliveryReport report) {
		boolean known = this.reports.stream()
			.anyMatch((r) -> r.providerMessageId().equals(report.providerMessageId())
					&& r.status().equals(report.status())
					&& java.util.Objects.equals(r.errorCode(), report.errorCode()));
		if (!known) {
			this.reports.add(report);
		}
	}

	public synchronized List<DeliveryReport> all() {
		return List.copyOf(this.reports);
	}

	public synchronized void clear() {
		this.reports.clear();
	}

}

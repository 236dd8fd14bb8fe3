package org.frontdoor.gateway.outbox;

import org.frontdoor.channels.core.DeliveryReport;
import org.frontdoor.channels.core.DeliveryReportListener;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records providers' delivery reports on the outbound row they are about (matched by
 * channel and provider message id) and applies an {@code OPT_OUT} policy as an opt-out of
 * that row's recipient. Idempotent: an older or repeated report never overwrites a newer
 * one. Only persists (it runs on webhook threads).
 */
@Component
public class DeliveryReports implements DeliveryReportListener {

	private final JdbcClient jdbc;

	private final OptOutRepository optOuts;

	public DeliveryReports(JdbcClient jdbc, OptOutRepository optOuts) {
		this.jdbc = jdbc;
		this.optOuts = optOuts;
	}

	@Override
	@Transactional
	public void onDeliveryReport(DeliveryReport report) {
		this.jdbc.sql("""
				update outbound_message set delivery_status = :status, delivery_error_code = :code,
					delivery_updated_at = :at
				where channel = :channel and provider_message_id = :provider
				  and (delivery_updated_at is null or delivery_updated_at <= :at)
				""")
			.param("status", report.status())
			.param("code", report.errorCode())
			.param("at", Sql.ts(report.reportedAt()))
			.param("channel", report.channel().name())
			.param("provider", report.providerMessageId())
			.update();
		if (report.policy() == SendException.Policy.OPT_OUT) {
			this.jdbc.sql(
					"select recipient from outbound_message where channel = :channel and provider_message_id = :provider")
				.param("channel", report.channel().name())
				.param("provider", report.providerMessageId())
				.query(String.class)
				.optional()
				.ifPresent((recipient) -> this.optOuts.optOut(report.channel(), recipient, "carrier",
						"delivery report " + report.status() + " " + report.errorCode()));
		}
	}

}

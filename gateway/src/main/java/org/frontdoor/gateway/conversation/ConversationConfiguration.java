package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Properties;
import org.frontdoor.gateway.outbox.DeliveryReports;
import org.frontdoor.gateway.outbox.OutboundWorker;
import org.frontdoor.gateway.outbox.SubmissionReconciler;
import org.frontdoor.gateway.outbox.SubmissionRepository;
import org.frontdoor.gateway.outbox.SubmissionWorker;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.InboundMessageHandler;
import org.frontdoor.gateway.persistence.InboundProcessor;
import org.frontdoor.gateway.persistence.JdbcInboundMessageStore;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueProperties;
import org.frontdoor.gateway.persistence.QueueWorker;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.reply.CityProperties;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake dialog's beans: the geocoder ({@code frontdoor.geocoder.*},
 * {@code frontdoor.city.boundary}), the analyzer for the current catalog, the dialog, and
 * the extra queue workers of {@code frontdoor.conversation.workers},
 * {@code submission-workers} and {@code outbound-workers}.
 */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

	@Bean
	Geocoder frontDoorGeocoder(GeocoderProperties geocoder, CityProperties city, Environment environment) {
		Map<String, String> settings = new LinkedHashMap<>(geocoder.settings(city.boundary()));
		if (!settings.containsKey("access-token")) {
			// the spellings the NLP module's CLI reads, for one environment across both
			for (String name : List.of("FRONTDOOR_GEOCODER_MAPBOX_ACCESS_TOKEN", "MAPBOX_ACCESS_TOKEN")) {
				String token = environment.getProperty(name);
				if (token != null && !token.isBlank()) {
					settings.put("access-token", token);
					break;
				}
			}
		}
		Geocoder created = Geocoders.create(geocoder.provider(), settings);
		log.info("Geocoder: {} for {}", geocoder.provider(), created.city().name());
		return created;
	}

	@Bean
	CatalogAnalyzer catalogAnalyzer(Open311Catalog catalog, Geocoder frontDoorGeocoder) {
		return new CatalogAnalyzer(catalog, frontDoorGeocoder);
	}

	@Bean
	MessageReader messageReader(CatalogAnalyzer catalogAnalyzer) {
		return new MessageReader(catalogAnalyzer);
	}

	@Bean
	Dialog dialog(ConversationProperties properties, CityProperties city) {
		return new Dialog(properties.menuSize(), city.timeZone());
	}

	@Bean
	ExtraQueueWorkers extraQueueWorkers(ConversationProperties properties, JdbcClient jdbc, QueueControl control,
			QueueProperties queues, JdbcInboundMessageStore store, ObjectProvider<InboundMessageHandler> handler,
			TransactionTemplate transactions, DeadLetterRepository deadLetters, SubmissionRepository submissions,
			ServiceRequestLinkRepository links, Open311Client client, Open311Catalog catalog, Open311Properties open311,
			SubmissionReconciler reconciler, ApplicationEventPublisher events, MeterRegistry meters, Clock clock,
			JsonMapper json, ObjectProvider<OutboundSender> senders, OptOutRepository optOuts,
			DeliveryReports deliveryReports) {
		List<QueueWorker> workers = new ArrayList<>();
		for (int i = 1; i < properties.workers(); i++) {
			workers.add(new InboundProcessor(jdbc, control, queues, store, handler, transactions, deadLetters));
		}
		for (int i = 1; i < properties.submissionWorkers(); i++) {
			workers.add(new SubmissionWorker(jdbc, control, queues, submissions, links, deadLetters, client, catalog,
					open311, reconciler, transactions, events, meters, clock));
		}
		for (int i = 1; i < properties.outboundWorkers(); i++) {
			workers.add(new OutboundWorker(jdbc, control, queues, json, senders, optOuts, deadLetters, transactions,
					meters, deliveryReports));
		}
		return new ExtraQueueWorkers(workers);
	}

	/**
	 * Queue workers beyond the foundation's one bean per durable queue (inbound,
	 * submission, outbound), on the same tables: claims use
	 * {@code FOR UPDATE SKIP LOCKED}, exactly as between gateway instances. They poll at
	 * {@code frontdoor.outbox.poll-interval} (and keep going while there is work); the
	 * foundation's beans are also woken at once by new rows.
	 */
	static final class ExtraQueueWorkers implements SmartLifecycle {

		private final List<QueueWorker> workers;

		ExtraQueueWorkers(List<QueueWorker> workers) {
			this.workers = List.copyOf(workers);
		}

		@Override
		public void start() {
			this.workers.forEach(QueueWorker::start);
		}

		@Override
		public void stop() {
			this.workers.forEach(QueueWorker::stop);
		}

		@Override
		public boolean isRunning() {
			return this.workers.stream().anyMatch(QueueWorker::isRunning);
		}

	}

}

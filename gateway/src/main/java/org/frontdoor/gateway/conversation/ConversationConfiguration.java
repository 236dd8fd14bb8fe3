package org.frontdoor.gateway.conversation;

import java.util.ArrayList;
import java.util.List;

import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.InboundMessageHandler;
import org.frontdoor.gateway.persistence.InboundProcessor;
import org.frontdoor.gateway.persistence.JdbcInboundMessageStore;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueProperties;
import org.frontdoor.gateway.reply.CityProperties;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake dialog's beans: the geocoder ({@code frontdoor.geocoder.*},
 * {@code frontdoor.city.boundary}), the analyzer for the current catalog, the dialog, and
 * the extra inbound workers of {@code frontdoor.conversation.workers}.
 */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

	@Bean
	Geocoder frontDoorGeocoder(GeocoderProperties geocoder, CityProperties city) {
		Geocoder created = Geocoders.create(geocoder.provider(), geocoder.settings(city.boundary()));
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
	ExtraInboundWorkers extraInboundWorkers(ConversationProperties properties, JdbcClient jdbc, QueueControl control,
			QueueProperties queues, JdbcInboundMessageStore store, ObjectProvider<InboundMessageHandler> handler,
			TransactionTemplate transactions, DeadLetterRepository deadLetters) {
		List<InboundProcessor> workers = new ArrayList<>();
		for (int i = 1; i < properties.workers(); i++) {
			workers.add(new InboundProcessor(jdbc, control, queues, store, handler, transactions, deadLetters));
		}
		return new ExtraInboundWorkers(workers);
	}

	/**
	 * Inbound workers beyond the foundation's own {@link InboundProcessor} bean, on the
	 * same queue (claims use {@code FOR UPDATE SKIP LOCKED}, as between instances). They
	 * poll at {@code frontdoor.outbox.poll-interval}; the bean is woken at once by new
	 * messages.
	 */
	static final class ExtraInboundWorkers implements SmartLifecycle {

		private final List<InboundProcessor> workers;

		ExtraInboundWorkers(List<InboundProcessor> workers) {
			this.workers = List.copyOf(workers);
		}

		@Override
		public void start() {
			this.workers.forEach(InboundProcessor::start);
		}

		@Override
		public void stop() {
			this.workers.forEach(InboundProcessor::stop);
		}

		@Override
		public boolean isRunning() {
			return this.workers.stream().anyMatch(InboundProcessor::isRunning);
		}

	}

}

package org.frontdoor.gateway.open311;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The city's service catalog (services and their definitions), cached and refreshed every
 * {@code frontdoor.open311.catalog-refresh}. Start-up never waits for the backend: the
 * first load happens in the background and is retried every
 * {@code frontdoor.open311.catalog-retry} until it succeeds (the default run's backend is
 * the sandbox in this very process). A failed refresh keeps the last good catalog.
 */
public class Open311Catalog {

	private static final Logger log = LoggerFactory.getLogger(Open311Catalog.class);

	private final Open311Client client;

	private final Open311Properties properties;

	private final Clock clock;

	private final Map<String, ServiceDefinition> definitions = new ConcurrentHashMap<>();

	private volatile Map<String, Service> services = Map.of();

	private volatile Instant loadedAt;

	private volatile Instant nextLoadAt = Instant.EPOCH;

	private volatile String lastError;

	public Open311Catalog(Open311Client client, Open311Properties properties, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
	}

	/** Load the catalog when it is due (called every few seconds). */
	@Scheduled(fixedDelayString = "${frontdoor.open311.catalog-check:5s}", initialDelayString = "1s")
	public void refreshIfDue() {
		if (!this.clock.instant().isBefore(this.nextLoadAt)) {
			refresh();
		}
	}

	/**
	 * Load services and the definitions of services with metadata now.
	 * @return whether it succeeded
	 */
	public synchronized boolean refresh() {
		try {
			List<Service> list = this.client.services();
			Map<String, Service> byCode = new LinkedHashMap<>();
			list.forEach((service) -> byCode.put(service.code(), service));
			Map<String, ServiceDefinition> loaded = new LinkedHashMap<>();
			for (Service service : list) {
				if (service.metadata()) {
					loaded.put(service.code(), this.client.serviceDefinition(service.code()));
				}
			}
			this.services = Map.copyOf(byCode);
			this.definitions.keySet().retainAll(byCode.keySet());
			this.definitions.putAll(loaded);
			this.loadedAt = this.clock.instant();
			this.nextLoadAt = this.loadedAt.plus(this.properties.catalogRefresh());
			log.info("Open311 catalog loaded: {} services, {} definitions", byCode.size(), loaded.size());
			this.lastError = null;
			return true;
		}
		catch (Open311Exception ex) {
			this.lastError = ex.getMessage();
			this.nextLoadAt = this.clock.instant().plus(this.properties.catalogRetry());
			log.warn("Could not load the Open311 catalog (will retry in {} s): {}",
					this.properties.catalogRetry().toSeconds(), ex.getMessage());
			return false;
		}
	}

	/**
	 * The services, in the backend's order (empty until the first successful load).
	 * @return the services
	 */
	public List<Service> services() {
		return List.copyOf(this.services.values());
	}

	/**
	 * One service.
	 * @param code the code
	 * @return the service, or empty
	 */
	public Optional<Service> service(String code) {
		return Optional.ofNullable(this.services.get(code));
	}

	/**
	 * A service's definition: from the cache, else fetched now (and cached). Services
	 * without metadata have an empty definition.
	 * @param code the service code
	 * @return the definition
	 * @throws Open311Exception when it is not cached and the backend cannot be asked
	 */
	public ServiceDefinition definition(String code) {
		ServiceDefinition cached = this.definitions.get(code);
		if (cached != null) {
			return cached;
		}
		Service service = this.services.get(code);
		if (service != null && !service.metadata()) {
			return new ServiceDefinition(code, List.of());
		}
		ServiceDefinition fetched = this.client.serviceDefinition(code);
		this.definitions.put(code, fetched);
		return fetched;
	}

	/**
	 * When the catalog was last loaded.
	 * @return the time, or {@code null} before the first successful load
	 */
	public Instant loadedAt() {
		return this.loadedAt;
	}

	/**
	 * Why the last load failed.
	 * @return the reason, or {@code null}
	 */
	public String lastError() {
		return this.lastError;
	}

}

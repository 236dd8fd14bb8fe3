package org.frontdoor.nlp.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A city's service catalog, plus what the reader had to fix or skip to get it.
 *
 * @param services the services, in the backend's order, codes unique
 * @param problems what was odd in the source (skipped entries, coerced types), one
 * sentence each; empty when the file was clean
 */
public record Catalog(List<CatalogService> services, List<String> problems) {

	public Catalog {
		services = List.copyOf(services);
		problems = List.copyOf(problems);
	}

	/**
	 * A catalog from services (duplicate codes keep the first).
	 * @param services the services
	 * @return the catalog
	 */
	public static Catalog of(List<CatalogService> services) {
		Map<String, CatalogService> byCode = new LinkedHashMap<>();
		for (CatalogService s : services) {
			byCode.putIfAbsent(s.code(), s);
		}
		return new Catalog(List.copyOf(byCode.values()), List.of());
	}

	/**
	 * A service by code.
	 * @param code the code
	 * @return the service, if the catalog has it
	 */
	public Optional<CatalogService> find(String code) {
		return this.services.stream().filter((s) -> s.code().equals(code)).findFirst();
	}

	/**
	 * Whether the catalog has no usable service.
	 * @return true when empty
	 */
	public boolean isEmpty() {
		return this.services.isEmpty();
	}

}

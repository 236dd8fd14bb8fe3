package org.frontdoor.gateway.conversation;

import java.util.List;
import java.util.Optional;

import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.gateway.open311.ServiceAttribute;

/**
 * {@link Knowledge} from the cached Open311 catalog and a duplicate check made before the
 * decision.
 */
final class CatalogKnowledge implements Knowledge {

	private final Open311Catalog catalog;

	private final DuplicateCheck check;

	/**
	 * Knowledge.
	 * @param catalog the catalog
	 * @param check the duplicate check made for this message, or {@code null}
	 */
	CatalogKnowledge(Open311Catalog catalog, DuplicateCheck check) {
		this.catalog = catalog;
		this.check = check;
	}

	@Override
	public Optional<String> serviceName(String code) {
		return this.catalog.service(code).map(Service::name);
	}

	@Override
	public List<String> serviceCodes() {
		return this.catalog.services().stream().map(Service::code).toList();
	}

	@Override
	public List<ServiceAttribute> questions(String code) {
		return this.catalog.definition(code).askable().stream().filter(ServiceAttribute::required).toList();
	}

	@Override
	public Optional<ServiceAttribute> attribute(String serviceCode, String attributeCode) {
		return this.catalog.definition(serviceCode)
			.askable()
			.stream()
			.filter((attribute) -> attribute.code().equals(attributeCode))
			.findFirst();
	}

	@Override
	public DuplicateCheck duplicates(String code, Place place) {
		return (this.check != null && this.check.isFor(code, place)) ? this.check : null;
	}

}

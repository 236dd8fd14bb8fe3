package org.frontdoor.gateway.open311;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service's definition ({@code GET services/{code}}): its attributes, in order.
 *
 * @param serviceCode the service code
 * @param attributes the attributes, sorted by {@link ServiceAttribute#order()}
 */
public record ServiceDefinition(String serviceCode, List<ServiceAttribute> attributes) {

	public ServiceDefinition {
		attributes = attributes.stream().sorted(Comparator.comparingInt(ServiceAttribute::order)).toList();
	}

	/**
	 * Find an attribute by code.
	 * @param code the code
	 * @return the attribute, or empty
	 */
	public Optional<ServiceAttribute> attribute(String code) {
		return this.attributes.stream().filter((attribute) -> attribute.code().equals(code)).findFirst();
	}

	/**
	 * The attributes a resident is asked for, in order.
	 * @return the askable attributes
	 */
	public List<ServiceAttribute> askable() {
		return this.attributes.stream().filter(ServiceAttribute::askable).toList();
	}

}

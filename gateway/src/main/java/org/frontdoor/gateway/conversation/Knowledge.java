package org.frontdoor.gateway.conversation;

import java.util.List;
import java.util.Optional;

import org.frontdoor.gateway.open311.ServiceAttribute;

/**
 * What the {@link Dialog} may look up while deciding: the city's catalog, and the
 * duplicate check made for the report's service and place (a remote call, made before the
 * decision).
 */
public interface Knowledge {

	/**
	 * A service's name.
	 * @param code the service code
	 * @return the name, or empty when the catalog has no such service
	 */
	Optional<String> serviceName(String code);

	/**
	 * Every service code, in the catalog's order (menus when nothing matched).
	 * @return the codes
	 */
	List<String> serviceCodes();

	/**
	 * The questions to ask for a service: its required attributes a resident provides
	 * (variable, not automated), in order.
	 * @param code the service code
	 * @return the attributes
	 */
	List<ServiceAttribute> questions(String code);

	/**
	 * One attribute a resident can be asked for (variable, not automated), required or
	 * not (the backend may insist on one its definition calls optional).
	 * @param serviceCode the service code
	 * @param attributeCode the attribute code
	 * @return the attribute, or empty
	 */
	Optional<ServiceAttribute> attribute(String serviceCode, String attributeCode);

	/**
	 * The duplicate check for a service and place, when it was made.
	 * @param code the service
	 * @param place the place
	 * @return the outcome, or {@code null} when it still has to be made
	 */
	DuplicateCheck duplicates(String code, Place place);

}

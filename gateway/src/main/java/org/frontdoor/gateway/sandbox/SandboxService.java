package org.frontdoor.gateway.sandbox;

/**
 * One service of the sandbox catalog, as listed by {@code GET services}.
 *
 * @param code the {@code service_code}
 * @param name the {@code service_name}
 * @param description what the service is for
 * @param metadata whether the service has a definition a client must read
 * @param type what {@code POST requests} answers for it
 * @param keywords comma-separated synonyms, or {@code null}
 * @param group the category it is listed under, or {@code null}
 */
public record SandboxService(String code, String name, String description, boolean metadata, ServiceType type,
		String keywords, String group) {

}

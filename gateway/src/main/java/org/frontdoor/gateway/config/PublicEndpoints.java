package org.frontdoor.gateway.config;

import java.util.List;

/**
 * URL patterns a feature opens without authentication. Register a bean of this type (e.g.
 * the texting simulator or the chat demo page) instead of editing the security
 * configuration; everything not opened by one is denied unless an admin rule matches.
 */
@FunctionalInterface
public interface PublicEndpoints {

	/**
	 * Ant-style path patterns (e.g. {@code /simulator/**}) anyone may call.
	 * @return the patterns
	 */
	List<String> patterns();

}

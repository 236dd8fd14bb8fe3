package org.frontdoor.templates;

import java.util.Objects;

/**
 * One numbered choice of a menu ({@link TemplateVariable#OPTIONS}).
 *
 * @param number what the resident replies to choose it
 * @param label what the resident reads
 */
public record MenuOption(int number, String label) {

	public MenuOption {
		Objects.requireNonNull(label, "label");
	}

}

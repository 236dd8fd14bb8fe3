package org.frontdoor.nlp.classify;

import java.util.List;
import java.util.Optional;

/**
 * Services ranked for one message.
 *
 * @param decision what the dialog may do
 * @param ranked the best candidates, best first (at most five; empty when nothing
 * matched)
 * @param reason a short explanation when the decision is not {@link Decision#AUTO} (e.g.
 * "no service matched", "close call between two services")
 */
public record Classification(Decision decision, List<RankedService> ranked, String reason) {

	public Classification {
		ranked = List.copyOf(ranked);
	}

	/**
	 * Nothing matched.
	 * @param reason why
	 * @return an unknown classification
	 */
	public static Classification unknown(String reason) {
		return new Classification(Decision.UNKNOWN, List.of(), reason);
	}

	/**
	 * The best candidate.
	 * @return the top service, if any
	 */
	public Optional<RankedService> top() {
		return this.ranked.isEmpty() ? Optional.empty() : Optional.of(this.ranked.get(0));
	}

}

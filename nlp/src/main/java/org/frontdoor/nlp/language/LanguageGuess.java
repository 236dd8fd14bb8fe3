package org.frontdoor.nlp.language;

/**
 * The language of a message.
 *
 * @param language the language (always set: the hint or English when the text gives no
 * evidence)
 * @param confidence 0.5 (no evidence) to 1
 * @param fromEvidence whether the text itself decided (false: the hint or the default)
 */
public record LanguageGuess(Language language, double confidence, boolean fromEvidence) {

}

package org.frontdoor.nlp.geo;

/**
 * A city's geographic files (or a built index) are missing or malformed: the message
 * names the file and what is wrong with it. Raised when building or loading a gazetteer,
 * never while geocoding.
 */
public class CityDataException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * A new exception.
	 * @param message what is wrong, and where
	 */
	public CityDataException(String message) {
		super(message);
	}

	/**
	 * A new exception with its cause.
	 * @param message what is wrong, and where
	 * @param cause the underlying error
	 */
	public CityDataException(String message, Throwable cause) {
		super(message, cause);
	}

}

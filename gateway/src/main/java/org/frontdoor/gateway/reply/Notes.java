package org.frontdoor.gateway.reply;

/**
 * The backend's status notes as they appear inside a message: trimmed, and ending with
 * punctuation, since templates put more words after them ("City note: Filled. If the
 * problem is still there…").
 */
public final class Notes {

	private Notes() {
	}

	/**
	 * Notes as a sentence.
	 * @param notes the backend's notes, or {@code null}
	 * @return the notes ending with {@code .}, {@code !} or {@code ?} (or the like), or
	 * {@code null} when blank
	 */
	public static String asSentence(String notes) {
		if (notes == null || notes.isBlank()) {
			return null;
		}
		String text = notes.strip();
		char last = text.charAt(text.length() - 1);
		return (".!?…)\"'".indexOf(last) >= 0) ? text : text + ".";
	}

}

package org.frontdoor.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the module's built-in table files (UTF-8, {@code #} comments, blank lines
 * skipped).
 */
public final class Resources {

	private Resources() {
	}

	/**
	 * Feeds each content line of a classpath resource next to a class to a consumer.
	 * @param owner the class the resource sits next to
	 * @param name the resource name
	 * @param consumer receives each line
	 * @throws IllegalStateException when the resource is missing (a packaging error)
	 */
	public static void lines(Class<?> owner, String name, Consumer<String> consumer) {
		try (InputStream in = owner.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + name + " next to " + owner.getName());
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					consumer.accept(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

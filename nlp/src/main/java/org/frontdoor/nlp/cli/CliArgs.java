package org.frontdoor.nlp.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag}s. */
final class CliArgs {

	private final Map<String, String> values = new HashMap<>();

	private final Set<String> flags = new HashSet<>();

	CliArgs(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			String name = a;
			String value = null;
			int eq = a.indexOf('=');
			if (a.startsWith("--") && eq > 0) {
				name = a.substring(0, eq);
				value = a.substring(eq + 1);
			}
			if (valueOptions.contains(name)) {
				if (value == null) {
					if (i + 1 >= args.size()) {
						throw new UsageException(name + " needs a value");
					}
					value = args.get(++i);
				}
				this.values.put(name, value);
			}
			else if (flagOptions.contains(name)) {
				this.flags.add(name);
			}
			else {
				throw new UsageException("unknown option '" + a + "'");
			}
		}
	}

	String get(String name) {
		return this.values.get(name);
	}

	String require(String name) {
		String v = this.values.get(name);
		if (v == null) {
			throw new UsageException(name + " is required");
		}
		return v;
	}

	boolean flag(String name) {
		return this.flags.contains(name);
	}

	/** A command line the command cannot run with. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

}

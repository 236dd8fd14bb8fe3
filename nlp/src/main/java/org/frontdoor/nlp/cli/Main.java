package org.frontdoor.nlp.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code frontdoor-nlp} command line: {@code analyze}, {@code evaluate} and the
 * gazetteer commands. See the README for the contract.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
				StandardCharsets.UTF_8);
		err.println("usage: frontdoor-nlp analyze|evaluate ... (not built yet)");
		System.exit(2);
	}

}

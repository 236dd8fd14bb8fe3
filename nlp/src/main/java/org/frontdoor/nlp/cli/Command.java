package org.frontdoor.nlp.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of the {@code frontdoor-nlp} command line. */
public interface Command {

	/**
	 * The subcommand name ({@code analyze}).
	 * @return the name
	 */
	String name();

	/**
	 * One line of usage, shown by {@code frontdoor-nlp help}.
	 * @return the usage
	 */
	String usage();

	/**
	 * Runs the command.
	 * @param args the arguments after the name
	 * @param in standard input
	 * @param out standard output (UTF-8)
	 * @param err standard error (UTF-8)
	 * @return the exit code (0 ok, 1 failure, 2 usage error)
	 */
	int run(List<String> args, InputStream in, PrintStream out, PrintStream err);

}

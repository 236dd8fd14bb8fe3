package org.frontdoor.nlp.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code frontdoor-nlp} command line: a table of subcommands (name → command). See
 * the README ("Understanding messages") for the {@code analyze} and {@code evaluate}
 * contracts.
 */
public final class Main {

	private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

	static {
		register(new AnalyzeCommand());
		register(new EvaluateCommand());
		register(new LearnCommand());
		register(new EvalSetsCommand());
		register(new CalibrateCommand());
		register(new BenchCommand());
		register(new GazetteerBuildCommand());
		register(new GeocodeEvaluateCommand());
	}

	private Main() {
	}

	private static void register(Command command) {
		COMMANDS.put(command.name(), command);
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int code = run(args, System.in, out, err);
		out.flush();
		System.exit(code);
	}

	/**
	 * Runs a subcommand in-process.
	 * @param args the command line
	 * @param in standard input
	 * @param out standard output
	 * @param err standard error
	 * @return the exit code
	 */
	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
			usage(err);
			return (args.length == 0) ? 2 : 0;
		}
		Command command = COMMANDS.get(args[0]);
		if (command == null) {
			err.println("unknown command '" + args[0] + "'");
			usage(err);
			return 2;
		}
		try {
			return command.run(Arrays.asList(args).subList(1, args.length), in, out, err);
		}
		catch (CliArgs.UsageException ex) {
			err.println(command.name() + ": " + ex.getMessage());
			err.println("usage: frontdoor-nlp " + command.usage());
			return 2;
		}
		finally {
			out.flush();
		}
	}

	private static void usage(PrintStream err) {
		err.println("usage: frontdoor-nlp <command> [options]");
		for (Command c : COMMANDS.values()) {
			err.println("  " + c.usage());
		}
	}

}

package org.frontdoor.nlp.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** Placeholder, replaced below. */
final class CalibrateCommand implements Command {

	@Override
	public String name() {
		return "calibrate";
	}

	@Override
	public String usage() {
		return "calibrate --eval <eval dir> --out <resource dir>";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		return 2;
	}

}

package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.frontdoor.nlp.geo.CityDataException;
import org.frontdoor.nlp.geo.GazetteerBuilder;
import org.frontdoor.nlp.geo.GazetteerIndex;

/**
 * {@code gazetteer-build --manifest city.json [--data dir] --out index.gaz.gz}: builds a
 * city's gazetteer index from its GIS files (format of the manifest and the files in the
 * README, "Geocoding"), prints what it holds and what was skipped, and checks that the
 * written file loads back.
 */
final class GazetteerBuildCommand implements Command {

	@Override
	public String name() {
		return "gazetteer-build";
	}

	@Override
	public String usage() {
		return "gazetteer-build --manifest city.json [--data <dir of the city's files>] --out index.gaz.gz";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--manifest", "--data", "--out"), Set.of());
		Path manifest = Path.of(args.require("--manifest"));
		Path target = Path.of(args.require("--out"));
		Path data = (args.get("--data") != null) ? Path.of(args.get("--data")) : null;
		long start = System.nanoTime();
		GazetteerBuilder.Result result;
		try {
			result = GazetteerBuilder.build(manifest, data);
		}
		catch (CityDataException ex) {
			err.println("gazetteer-build: " + ex.getMessage());
			return 1;
		}
		result.warnings().forEach((w) -> err.println("warning: " + w));
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			if (target.toAbsolutePath().getParent() != null) {
				Files.createDirectories(target.toAbsolutePath().getParent());
			}
			try (OutputStream o = Files.newOutputStream(tmp)) {
				result.index().write(o);
			}
			GazetteerIndex check = GazetteerIndex.load(tmp);
			if (!check.counts().equals(result.index().counts())) {
				err.println("gazetteer-build: the written index does not read back the same: " + check.counts());
				return 1;
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | CityDataException ex) {
			err.println("gazetteer-build: cannot write " + target + ": " + ex.getMessage());
			return 1;
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ex) {
				err.println("gazetteer-build: cannot remove " + tmp + ": " + ex.getMessage());
			}
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		try {
			out.println("city: " + result.index().city().name() + ", " + result.index().city().region());
			out.println("source: " + result.index().source());
			result.index().counts().forEach((k, v) -> out.println(k + ": " + v));
			out.println("wrote " + target + " (" + Files.size(target) + " bytes) in " + ms + " ms");
		}
		catch (IOException ex) {
			err.println("gazetteer-build: " + ex.getMessage());
			return 1;
		}
		return 0;
	}

}

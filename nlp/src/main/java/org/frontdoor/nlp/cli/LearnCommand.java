package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.classify.KnowledgeLearner;
import org.frontdoor.nlp.classify.Splits;

/**
 * {@code learn --data <shared/data> --out
 *
<dir>
 * }: derives {@code associations.tsv} and {@code vocabulary.tsv} from the TRAIN split of
 * the real reports (see {@code classify/SOURCES.md}).
 */
final class LearnCommand implements Command {

	@Override
	public String name() {
		return "learn";
	}

	@Override
	public String usage() {
		return "learn --data <shared/data dir> --out <resource dir> [--sources multicity[,atlanta]]   (rebuilds the learned associations)";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--data", "--out", "--sources"), Set.of());
		String sources = (args.get("--sources") != null) ? args.get("--sources") : "multicity";
		Path data = Path.of(args.require("--data"));
		Path dir = Path.of(args.require("--out"));
		try {
			KnowledgeLearner learner = new KnowledgeLearner();
			int multicity = 0;
			for (RealData.Report r : RealData.multicity(data)) {
				if (r.part() == Splits.Part.TRAIN && sources.contains("multicity")) {
					learner.add(r.text(), r.label());
					learner.addVocabulary(r.text());
					multicity++;
				}
			}
			int atlanta = 0;
			for (RealData.Report r : RealData.atlantaLabeled(data)) {
				if (r.part() == Splits.Part.TRAIN && sources.contains("atlanta")) {
					learner.add(r.text(), r.label());
					atlanta++;
				}
			}
			for (String s : RealData.atlantaSummaries(data).values()) {
				if (Splits.of(RealData.normalized(s)) == Splits.Part.TRAIN) {
					learner.addVocabulary(s);
				}
			}
			for (Map.Entry<String, String> e : RealData.fixMyStreet(data).entrySet()) {
				if (Splits.of("fms:" + e.getKey()) == Splits.Part.TRAIN) {
					learner.addVocabulary(e.getValue());
				}
			}
			int n = learner.write(dir);
			out.println("learned " + n + " associations from " + learner.pairs() + " pairs (multicity train "
					+ multicity + ", atlanta train " + atlanta + ") into " + dir);
			return 0;
		}
		catch (IOException ex) {
			err.println("learn: " + ex.getMessage());
			return 1;
		}
	}

}

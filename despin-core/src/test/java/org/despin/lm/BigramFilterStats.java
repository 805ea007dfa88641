package org.despin.lm;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.despin.model.ModelFile;

/**
 * The bigram filter of a model's language model: its size, the load time with and without it
 * (best of 10, each a fresh mapping) and its false-positive rate on random unstored pairs of
 * common words (the share of "maybe" answers the trie then finds no bigram for):
 * {@code java -cp ... org.despin.lm.BigramFilterStats MODEL [BITS_PER_PAIR]}.
 */
public final class BigramFilterStats {
    private BigramFilterStats() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int bits = args.length > 1 ? Integer.parseInt(args[1]) : BigramFilter.BITS_PER_PAIR;
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        TrieLanguageModel lm = null;
        for (int i = 0; i < 11; i++) {
            for (int with = 0; with < 2; with++) {
                long t = System.nanoTime();
                ByteBuffer section = ModelFile.open(path).section(LmFormat.SECTION);
                TrieLanguageModel m = new TrieLanguageModel(section, path.toString(),
                        TrieLanguageModel.Sampling.DEFAULT, with == 1 ? bits : 0);
                long ns = System.nanoTime() - t;
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "first load %s filter: %.1f ms%n", with == 1 ? "with" : "without", ns / 1e6);
                } else {
                    best[with] = Math.min(best[with], ns);
                }
                if (with == 1) {
                    lm = m;
                }
            }
        }
        System.out.printf(Locale.ROOT, "best of 10: without %.1f ms, with %.1f ms%n", best[0] / 1e6, best[1] / 1e6);
        System.out.printf(Locale.ROOT, "%,d bigrams, filter %,d bytes (%d bits a bigram)%n", lm.count(2),
                lm.bigramFilter().sizeBytes(), bits);
        Random r = new Random(1);
        int size = lm.vocabulary().size();
        TrieState s = lm.newState();
        long absent = 0;
        long maybe = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // words skewed to the frequent end of the ids as well as uniform
            int left = r.nextInt(size);
            int word = r.nextInt(size);
            lm.emptyContext(s);
            lm.score(s, left, s);
            if (s.length == 1 && lm.matchedOrder(s, word) < 2) {
                absent++;
                if (lm.bigramFilter().mayContain(left, word)) {
                    maybe++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "false positives: %,d of %,d unstored pairs (%.3f %%)%n", maybe, absent,
                100.0 * maybe / absent);
    }
}

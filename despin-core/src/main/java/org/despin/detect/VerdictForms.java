package org.despin.detect;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.Lexicon;
import org.despin.lm.LanguageModel;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * The observed words' production ratio and lexicon links summed over a document, for the verdict score (branch
 * {@code verdict29}): over the document's content words (not function words) that the lexicon has candidates for, each
 * occurrence counted, {@link ObservedForms#production} (log10 of the channel-weighted unigram mass of the word's
 * lexicon originals over its own) and ln(1 + the word's lexicon originals) ({@code observedLinks}), the values
 * {@code FormsSummary} (the study tool of branch {@code forms28}) gives for the same words. A spinner's words are
 * rarer synonyms of common words and many-linked; a writer's own rare words mostly are not.
 *
 * <p>Cost: per distinct content word of a document a look-up in a cache of the words' two values shared by the
 * detector's documents ({@link Shared}; bounded); a word missing there costs one lexicon look-up ({@code candidates})
 * and a unigram per original, itself read from a second shared cache by the lexicon's original id, so that each
 * original's unigram is read from the LM once per detector. The form share (inflections) is not computed. Nothing is
 * read unless the verdict score weighs a summary. Not thread-safe; the shared caches are.
 */
final class VerdictForms {
    /** The summaries, in the order of {@link #summarise} and {@link VerdictScore.Forms}. */
    static final List<String> NAMES = List.of("prodTop3", "prodMean", "prodHighPer100", "linksTop3", "linksMean");

    private static final double LN10 = Math.log(10);
    private static final double[] NO_CANDIDATES = new double[0];

    /**
     * What the documents of one detector share: each word's {production, links} (an empty array: no candidates), up to
     * {@link #MAX_WORDS} words, and each lexicon original's log10 unigram by its id (NaN: not read yet; a race reads
     * the same value twice).
     */
    static final class Shared {
        static final int MAX_WORDS = 200_000;
        private static final long NOT_READ = Double.doubleToRawLongBits(Double.NaN);
        private final LanguageModel lm;
        private final Lexicon lexicon;
        private final ConcurrentHashMap<String, double[]> words = new ConcurrentHashMap<>();
        private final AtomicLongArray byOriginalId;

        Shared(LanguageModel lm, Lexicon lexicon) {
            this.lm = lm;
            this.lexicon = lexicon;
            this.byOriginalId = new AtomicLongArray(Math.max(0, lexicon.originalIds()));
            for (int i = 0; i < byOriginalId.length(); i++) {
                byOriginalId.set(i, NOT_READ);
            }
        }
    }

    private final Shared shared;
    private final UnigramMemo unigrams;
    /** Lexicon look-ups made (for the cost count in docs/detector.md). */
    long lexiconLookups;

    VerdictForms(Shared shared) {
        this.shared = shared;
        this.unigrams = new UnigramMemo(shared.lm);
    }

    /** LM unigram reads made (for the cost count in docs/detector.md). */
    long lmCalls() {
        return unigrams.reads();
    }

    /** Without caches shared with other documents. */
    VerdictForms(LanguageModel lm, Lexicon lexicon) {
        this(new Shared(lm, lexicon));
    }

    /** The summaries of a document ({@link #NAMES}); all 0 where no content word has candidates. */
    static double[] of(Document doc, LanguageModel lm, Lexicon lexicon) {
        return new VerdictForms(lm, lexicon).summarise(doc);
    }

    double[] summarise(Document doc) {
        // primitive arrays: a document's sums cost no boxing
        double[] production = new double[16];
        double[] links = new double[16];
        int n = 0;
        int wordCount = 0;
        for (Token t : doc.tokens()) {
            if (!t.isWord()) {
                continue;
            }
            wordCount++;
            String w = t.normal();
            if (FunctionWords.contains(w)) {
                continue;
            }
            double[] v = word(w);
            if (v.length > 0) {
                if (n == production.length) {
                    production = java.util.Arrays.copyOf(production, 2 * n);
                    links = java.util.Arrays.copyOf(links, 2 * n);
                }
                production[n] = v[0];
                links[n] = v[1];
                n++;
            }
        }
        // summed largest first, as FormsSummary sums them (the same bits)
        java.util.Arrays.sort(production, 0, n);
        java.util.Arrays.sort(links, 0, n);
        double top3 = 0;
        double mean = 0;
        int high = 0;
        double linksTop3 = 0;
        double linksMean = 0;
        for (int r = 0; r < n; r++) {
            double p = production[n - 1 - r];
            double l = links[n - 1 - r];
            top3 += r < 3 ? p / Math.min(3, n) : 0;
            mean += p / n;
            high += p > 3 ? 1 : 0;
            linksTop3 += r < 3 ? l / Math.min(3, n) : 0;
            linksMean += l / n;
        }
        return new double[] {top3, mean, high * 100.0 / Math.max(1, wordCount), linksTop3, linksMean};
    }

    /** {production, links} of a word with lexicon candidates, else an empty array; from the shared cache. */
    private double[] word(String w) {
        double[] v = shared.words.get(w);
        if (v != null) {
            return v;
        }
        lexiconLookups++;
        List<Candidate> candidates = shared.lexicon.candidates(w);
        v = NO_CANDIDATES;
        if (!candidates.isEmpty()) {
            double mass = 0;
            for (Candidate c : candidates) {
                mass += Math.pow(10, original(c) + c.logChannel() / LN10);
            }
            v = new double[] {Math.log10(mass) - unigrams.word(w), Math.log1p(candidates.size())};
        }
        if (shared.words.size() < Shared.MAX_WORDS) {
            shared.words.putIfAbsent(w, v);
        }
        return v;
    }

    /** log10 P of a candidate's original (its words' unigrams summed), by its id where the lexicon numbers it. */
    private double original(Candidate c) {
        int id = c.originalId();
        if (id < 0 || id >= shared.byOriginalId.length()) {
            return unigrams.span(c.original());
        }
        long bits = shared.byOriginalId.get(id);
        if (bits == Shared.NOT_READ) {
            double v = unigrams.span(c.original());
            shared.byOriginalId.set(id, Double.doubleToRawLongBits(v));
            return v;
        }
        return Double.longBitsToDouble(bits);
    }

    @Override
    public String toString() {
        return "VerdictForms[" + lexiconLookups + " lexicon look-ups, " + lmCalls() + " unigrams]";
    }
}

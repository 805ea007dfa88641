package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.data.spin.SpinThesauri;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.despin.spin.Synonym;

/**
 * The training spinners of the fits (never the held-out evaluation's MyThes), by name
 * ({@code -DtrainSpin}): "plain" = Moby and the WordNet spinner as they were; "wordnet" = WordNet
 * twice; "rare:A" or "rare:A/B" = the same thesauri with each synonym's weight multiplied by
 * {@link RarerSynonyms} (A > 0 rarer replacements picked more often, A < 0 commoner ones); "mix" =
 * four spinners, see {@link #load}. Every fit that spins (the document score, the finding models,
 * the document-feature study) draws its spinner for passage i as
 * {@code spinners[(i / rates) % spinners.length]}.
 */
final class TrainingSpinners {
    private TrainingSpinners() {
    }

    /**
     * The training spinners for the variant named by {@code -DtrainSpin} (default "plain"), in the
     * order the fits cycle through them (passage i: {@code spinners[(i / rates) % spinners.length]}):
     * two (Moby, WordNet) or, for "mix", four: Moby leaning commoner (alpha -0.3: its replacements'
     * frequency then matches MyThes's), plain WordNet (which matches MyThes already), Moby and
     * WordNet leaning rarer (alpha 0.5), so that the fit sees the spread of rarity a real spinner's
     * thesaurus may have rather than one thesaurus's.
     */
    static Spinner[] load(DataPaths paths, LanguageModel lm) throws DespinException {
        String name = System.getProperty("trainSpin", "plain");
        SpinThesaurus moby = SpinThesauri.load(SpinThesauri.MOBY, paths);
        SpinThesaurus wordNet = WordNetSpinThesaurus.load();
        if (name.equals("mix")) {
            ToDoubleFunction<String> unigram = unigrams(lm);
            return new Spinner[] {spinner(new RarerSynonyms(moby, unigram, -0.3)), spinner(wordNet),
                    spinner(new RarerSynonyms(moby, unigram, 0.5)), spinner(new RarerSynonyms(wordNet, unigram, 0.5))};
        }
        if (name.equals("wordnet")) { // both slots the WordNet spinner (the thesaurus MyThes was made from)
            moby = wordNet;
        } else if (name.startsWith("rare:")) { // "rare:ALPHA" both, "rare:MOBY_ALPHA/WORDNET_ALPHA" each its own
            String[] a = name.substring(5).split("/");
            double mobyAlpha = Double.parseDouble(a[0]);
            double wordNetAlpha = Double.parseDouble(a[a.length - 1]);
            ToDoubleFunction<String> unigram = unigrams(lm);
            moby = mobyAlpha == 0 ? moby : new RarerSynonyms(moby, unigram, mobyAlpha);
            wordNet = wordNetAlpha == 0 ? wordNet : new RarerSynonyms(wordNet, unigram, wordNetAlpha);
        } else if (!name.equals("plain")) {
            throw new IllegalArgumentException("unknown -DtrainSpin " + name
                    + "; expected plain, mix, wordnet, rare:ALPHA or rare:MOBY_ALPHA/WORDNET_ALPHA");
        }
        return new Spinner[] {spinner(moby), spinner(wordNet)};
    }

    private static Spinner spinner(SpinThesaurus t) {
        return new Spinner(t, SpinOptions.of(0.1, 1));
    }

    /** log10 P(phrase) from an empty context, word by word; -Infinity for a phrase with a word the LM does not know. */
    static ToDoubleFunction<String> unigrams(LanguageModel lm) {
        return phrase -> {
            LmState s = lm.newState();
            double sum = 0;
            for (String w : phrase.toLowerCase(Locale.ROOT).split("[ -]")) {
                int id = lm.vocabulary().id(w);
                if (id == org.despin.lm.Vocabulary.UNKNOWN) {
                    return Double.NEGATIVE_INFINITY;
                }
                lm.emptyContext(s);
                sum += lm.score(s, id, s);
            }
            return sum;
        };
    }

    /**
     * A thesaurus whose synonyms are re-weighted toward the rarer ones: weight x 10^(-alpha x
     * (log10 P(synonym) + 4)), the exponent clipped to [-2, 2] (a word at 1e-6 is picked
     * 10^(2 alpha) times as readily as one at 1e-4; a phrase's P is the product of its words', a
     * word the LM does not know counts as the rarest). A hand-made thesaurus such as MyThes lists
     * every sense's synonyms and its broader words side by side, so a spinner reading it writes
     * rare words and rare senses as often as common ones; Moby and WordNet as our training spinners
     * read them lean the other way (see docs/detector.md, "Training spinners closer to MyThes").
     */
    static final class RarerSynonyms implements SpinThesaurus {
        private final SpinThesaurus base;
        private final ToDoubleFunction<String> log10Unigram;
        private final double alpha;
        private final java.util.concurrent.ConcurrentHashMap<String, List<Synonym>> cache = new java.util.concurrent.ConcurrentHashMap<>();

        RarerSynonyms(SpinThesaurus base, ToDoubleFunction<String> log10Unigram, double alpha) {
            this.base = base;
            this.log10Unigram = log10Unigram;
            this.alpha = alpha;
        }

        @Override
        public List<Synonym> synonyms(String key) {
            return cache.computeIfAbsent(key, k -> {
                List<Synonym> all = base.synonyms(k);
                List<Synonym> out = new ArrayList<>(all.size());
                for (Synonym s : all) {
                    out.add(new Synonym(s.text(), s.pos(), s.weight() * factor(s.text())));
                }
                return List.copyOf(out);
            });
        }

        /** The weight multiplier of a replacement. */
        double factor(String text) {
            double lp = log10Unigram.applyAsDouble(text);
            double x = Math.max(-2, Math.min(2, -(Math.max(lp, -100) + 4)));
            return Math.pow(10, alpha * x);
        }

        @Override
        public boolean contains(String key) {
            return base.contains(key);
        }

        @Override
        public boolean isName(String key) {
            return base.isName(key);
        }

        @Override
        public int maxKeyWords() {
            return base.maxKeyWords();
        }

        @Override
        public String name() {
            return base.name() + String.format(Locale.ROOT, ", rarer synonyms alpha %.2f", alpha);
        }
    }
}

package org.despin.detect;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.despin.lexicon.Candidate;
import org.despin.lexicon.Lexicon;
import org.despin.lexicon.WordClass;
import org.despin.lm.LanguageModel;
import org.despin.spin.Inflector;
import org.despin.spin.RuleInflector;
import org.despin.spin.WordForm;

/**
 * What an observed span says about itself, apart from any reading (branch {@code forms28}): how odd its form is
 * ({@link #formShare}) and how much of its use a thesaurus spinner would produce ({@link #production},
 * {@link #productionMax}, and how many originals the lexicon lists for it). They read the LM's unigrams and the
 * lexicon; {@link RuleInflector} gives a word's lemmas. One instance per check: it memoises per span, so it is not
 * thread-safe. The four values of a span depend on nothing else, so a detector's checks share them ({@link Shared}):
 * a span met in an earlier document costs one hash look-up instead of a lexicon look-up and a unigram per original
 * (spun text ~1.37x as fast with SPUN's near trees, which read them; output identical).
 */
final class ObservedForms {
    /** The spans' values shared by the checks of one detector: up to {@link #MAX_SPANS} spans, thread-safe. */
    static final class Shared {
        static final int MAX_SPANS = 400_000;
        private final ConcurrentHashMap<String, double[]> spans = new ConcurrentHashMap<>();

        int size() {
            return spans.size();
        }
    }

    /** log10 P of a word the LM does not know. */
    static final double UNKNOWN_LOG10 = UnigramMemo.UNKNOWN_LOG10;
    private static final double LN10 = Math.log(10);
    private static final WordForm[] NOUN = {WordForm.BASE, WordForm.PLURAL};
    private static final WordForm[] VERB = {WordForm.BASE, WordForm.THIRD_PERSON, WordForm.PAST,
        WordForm.PAST_PARTICIPLE, WordForm.GERUND};
    private static final WordForm[] ADJECTIVE = {WordForm.BASE, WordForm.COMPARATIVE, WordForm.SUPERLATIVE};

    private final Lexicon lexicon;
    private final Inflector inflector = RuleInflector.DEFAULT;
    private final UnigramMemo unigrams;
    private final Shared shared;

    /** With no values shared with other checks. */
    ObservedForms(LanguageModel lm, Lexicon lexicon) {
        this(lm, lexicon, new Shared());
    }

    /** Reading and filling the values {@code shared} holds (those of the same model's LM and lexicon). */
    ObservedForms(LanguageModel lm, Lexicon lexicon, Shared shared) {
        this.lexicon = lexicon;
        this.unigrams = new UnigramMemo(lm);
        this.shared = shared;
    }

    /**
     * {formShare, production, productionMax, observedLinks} of a normalised span (words joined by single spaces),
     * memoised: {@link #formShare}, {@link #production}, {@link #productionMax} and ln(1 + the span's lexicon
     * originals), in the order of {@link FindingModel#FEATURES}.
     */
    double[] of(String span) {
        double[] v = shared.spans.get(span);
        if (v == null) {
            List<Candidate> candidates = lexicon.candidates(span);
            double[] p = productions(span, candidates);
            v = new double[] {formShare(span), p[0], p[1], Math.log1p(candidates.size())};
            if (shared.spans.size() < Shared.MAX_SPANS) {
                shared.spans.putIfAbsent(span, v);
            }
        }
        return v;
    }

    /**
     * The oddest form of the span's words: min over its words of log10 P(word) - log10 P(the commonest form of a
     * lemma it is an inflection of) (0 when the word is its lemmas' commonest form, or has no known lemma besides
     * itself): "talkings" for "talking", "quested" for "quest". A lemma counts when the lexicon's dictionary gives it
     * the inflection's word class and inflecting it gives the word back.
     */
    double formShare(String span) {
        double min = 0;
        int start = 0;
        for (int i = 0; i <= span.length(); i++) {
            if (i == span.length() || span.charAt(i) == ' ') {
                if (i > start) {
                    min = Math.min(min, wordShare(span.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return min;
    }

    private double wordShare(String w) {
        double own = unigrams.word(w);
        double best = own;
        for (Inflector.Analysis a : inflector.analyse(w)) {
            if (a.form() == WordForm.BASE || a.lemma().equals(w)) {
                continue;
            }
            WordClass wc = switch (a.form().pos()) {
                case NOUN -> WordClass.NOUN;
                case VERB -> WordClass.VERB;
                case ADJECTIVE -> WordClass.ADJECTIVE;
                default -> null;
            };
            if (wc == null || !lexicon.wordClasses(a.lemma()).contains(wc)
                    || !w.equals(inflector.inflect(a.lemma(), a.form()))) {
                continue;
            }
            WordForm[] family = wc == WordClass.NOUN ? NOUN : wc == WordClass.VERB ? VERB : ADJECTIVE;
            for (WordForm f : family) {
                best = Math.max(best, unigrams.word(inflector.inflect(a.lemma(), f)));
            }
        }
        return own - best;
    }

    /**
     * log10 of the span's production mass, sum over its lexicon candidates x of P(x) times the channel
     * P(span | x, substituted), minus log10 P(span) (unigrams, summed over words): high for a rare word that is a
     * synonym of common ones ("unadventurous" for "safe"), low for a word written for its own sake; -9 without
     * candidates.
     */
    double production(String span) {
        return productions(span, lexicon.candidates(span))[0];
    }

    /** The same with the likeliest original's term alone in place of the sum. */
    double productionMax(String span) {
        return productions(span, lexicon.candidates(span))[1];
    }

    /** {@link #production} and {@link #productionMax} of a span with these lexicon candidates, in one pass. */
    private double[] productions(String span, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return new double[] {UNKNOWN_LOG10, UNKNOWN_LOG10};
        }
        double mass = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            double term = unigrams.span(c.original()) + c.logChannel() / LN10;
            mass += Math.pow(10, term);
            max = Math.max(max, term);
        }
        double own = unigrams.span(span);
        return new double[] {Math.log10(mass) - own, max - own};
    }
}

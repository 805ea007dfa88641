package org.despin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * Turns decoded lattices into {@link Finding}s: every substitution on the best path whose
 * posterior reaches the minimum confidence, and every other span whose readings together are
 * likely spun (their posteriors summed, see {@link #splitSpans}), with its suggestion cased like
 * the input, the other readings of the same span, and the evidence in words. A finding inside a hyphen compound covers
 * the whole compound ("Secretary-Common" -> "Secretary-General"); a reading that would repeat the word before
 * "and" is read as the spinner's inserted "and Y" ("combined and conflated" -> "combined").
 */
final class FindingBuilder {
    /** Alternatives below this posterior are noise, not readings worth showing. */
    private static final double MIN_ALTERNATIVE = 0.01;
    private static final int MAX_ALTERNATIVES = 3;
    /**
     * A span whose readings together reach this posterior is called spun although the best path
     * keeps it: more likely substituted than not, the decision the best path makes for one reading.
     */
    private static final double SPAN_DECISION = 0.5;
    /** Which of a flagged span's readings to suggest, whoever flagged it (see {@link ReadingChoice}). */
    private static final ReadingChoice CHOICE = ReadingChoice.DEFAULT;

    private final Document doc;
    private final SpinRateEstimator.Estimate estimate;
    /** The decision with the document in view, or null: the decode's posteriors decide (see {@link #findings}). */
    private final FindingModel model;
    private final double spinScore;
    /** {@link DetectorSettings#termSpanDecision()}: NaN = term readings stay out of the span decision. */
    private final double termSpanDecision;
    /** For the candidates' stored orders, or null (they are 0). */
    private final org.despin.lm.LanguageModel lm;
    /** Whether the lexicon lists an original (second) for observed words (first), or null (see {@link #linkedConjunct}). */
    private final java.util.function.BiPredicate<String, String> synonyms;
    /**
     * The last decision made ({@link #decision}): the lattices it was made on (by identity), at which confidence, the
     * document's words and each lattice's candidates with their confidences; {@link #decidedSpans} and then
     * {@link #findings} of the same lattices read it once (branch {@code cheap21}).
     */
    private List<Lattice> decidedLattices;
    private double decidedAt = Double.NaN;
    private DocumentWords decidedWords;
    /** The document's words counted by the caller, and the lists they were counted over ({@link #knowingWords}). */
    private List<Lattice> knownLattices;
    private List<Decoder.Decoded> knownDecodings;
    private DocumentWords knownWords;
    private List<List<Candidate>> decidedCandidates;
    private List<double[]> decidedConfidences;
    /** The observed words' own forms for {@code formShare} and {@code production}, or null (they are 0; {@link #withForms}). */
    private ObservedForms forms;
    /** Whether a candidate read as the observed words written another way is no finding ({@link #withoutVariants}). */
    private int withoutVariants;
    /** The document's spelling variety, for {@code withoutVariants} 3 (null otherwise). */
    private SpellingVariety variety;

    FindingBuilder(Document doc, SpinRateEstimator.Estimate estimate) {
        this(doc, estimate, null, 0);
    }

    FindingBuilder(Document doc, SpinRateEstimator.Estimate estimate, FindingModel model, double spinScore) {
        this(doc, estimate, model, spinScore, Double.NaN);
    }

    FindingBuilder(Document doc, SpinRateEstimator.Estimate estimate, FindingModel model, double spinScore,
            double termSpanDecision) {
        this(doc, estimate, model, spinScore, termSpanDecision, null);
    }

    /** With the LM, for the candidates' stored orders ({@link FindingModel#FEATURES}; without it they are 0). */
    FindingBuilder(Document doc, SpinRateEstimator.Estimate estimate, FindingModel model, double spinScore,
            double termSpanDecision, org.despin.lm.LanguageModel lm) {
        this(doc, estimate, model, spinScore, termSpanDecision, lm, null);
    }

    /**
     * With {@code synonyms} (observed, original): whether the lexicon lists the original for the observed words, for
     * a flagged word right after "X and" that is a synonym of X, read as the spinner's inserted "and Y" (see
     * {@link #linkedConjunct}); null: only a reading that repeats X is (see {@link #repeatedConjunct}).
     */
    FindingBuilder(Document doc, SpinRateEstimator.Estimate estimate, FindingModel model, double spinScore,
            double termSpanDecision, org.despin.lm.LanguageModel lm, java.util.function.BiPredicate<String, String> synonyms) {
        this.synonyms = synonyms;
        this.lm = lm;
        this.doc = doc;
        this.estimate = estimate;
        this.model = model;
        this.spinScore = spinScore;
        this.termSpanDecision = termSpanDecision;
    }

    /**
     * Where the finding model decides, a candidate whose reading is the observed words written another way has
     * confidence 0, so it is no finding and hides no other (branch {@code flags27}): {@code which} 0 none, 1 a number
     * in digits read as number words or back, 2 that or a spelling variant ({@link ReadingVariants}), 3 numbers and a
     * spelling in the other variety (British or American) where no other word of the document is in the reading's
     * ({@code variety}, {@link SpellingVariety}; null below 3). Returns this builder.
     */
    FindingBuilder withoutVariants(int which, SpellingVariety variety) {
        if (which >= 3 && variety == null) {
            throw new IllegalArgumentException("variant filter " + which + " needs the document's spelling variety");
        }
        this.withoutVariants = which;
        this.variety = variety;
        return this;
    }

    /**
     * With the observed words' own forms ({@link ObservedForms}, branch {@code forms28}) in the candidates' features
     * ({@code formShare}, {@code production}); null: they are 0. Returns this builder.
     */
    FindingBuilder withForms(ObservedForms observedForms) {
        this.forms = observedForms;
        return this;
    }

    /** The model's confidence in candidate {@code c} of {@code lattice} (0 for a variant reading, see {@link #withoutVariants}). */
    private double confidence(Lattice lattice, Candidate c) {
        if (withoutVariants > 0) {
            Arc arc = lattice.arcs[c.arc()];
            String observed = lattice.observed(arc.from(), arc.to());
            String reading = arc.candidate().original();
            if (ReadingVariants.isNumber(observed, reading)
                    || withoutVariants == 2 && ReadingVariants.isSpelling(observed, reading)
                    || withoutVariants >= 3 && ReadingVariants.isSpelling(observed, reading)
                            && variety.unsupported(observed, reading)) {
                return 0;
            }
        }
        return model.confidence(c.features());
    }

    /**
     * The findings in input order: every substitution on the best path that is sure enough on its
     * own, then every other span whose readings together are (see {@link #splitSpans}).
     */
    List<Finding> findings(List<Lattice> lattices, double minConfidence) {
        return findings(lattices, minConfidence, null, null);
    }

    /**
     * The word spans ({@code from << 32 | to}) of each lattice that the finding model flags with a reading of the
     * reading choice's (not a term, not a narrowed term): the spans {@link #findings(List, double, List, List)} may
     * read in deeper lattices. Empty sets where the posteriors decide (no finding model).
     */
    List<java.util.Set<Long>> decidedSpans(List<Lattice> lattices, double minConfidence) {
        List<java.util.Set<Long>> out = new ArrayList<>(lattices.size());
        double decision = Math.max(SPAN_DECISION, minConfidence);
        if (model != null) {
            decide(lattices, decision);
        }
        for (int l = 0; l < lattices.size(); l++) {
            java.util.Set<Long> spans = new java.util.HashSet<>();
            out.add(spans);
            if (model == null) {
                continue;
            }
            Lattice lattice = lattices.get(l);
            List<Candidate> candidates = decidedCandidates.get(l);
            double[] confidences = decidedConfidences.get(l);
            for (int k = 0; k < candidates.size(); k++) {
                Arc arc = lattice.arcs[candidates.get(k).arc()];
                if (!isTerm(arc) && confidences[k] >= decision) {
                    spans.add(((long) arc.from() << 32) | arc.to());
                }
            }
        }
        return out;
    }

    /**
     * The finding model's decision on {@code lattices} at {@code decision}: the document's words, each lattice's
     * candidates ({@link #candidates(int, Lattice, DocumentWords, double)}) and their confidences, made once for the
     * same lattices (a pure function of them and this builder's document, estimate and model).
     */
    private void decide(List<Lattice> lattices, double decision) {
        if (lattices == decidedLattices && decision == decidedAt) {
            return;
        }
        DocumentWords words = words(lattices, estimate.decodings());
        List<List<Candidate>> candidates = new ArrayList<>(lattices.size());
        List<double[]> confidences = new ArrayList<>(lattices.size());
        for (int l = 0; l < lattices.size(); l++) {
            List<Candidate> c = candidates(l, lattices.get(l), words, decision);
            double[] conf = new double[c.size()];
            for (int k = 0; k < conf.length; k++) {
                conf[k] = confidence(lattices.get(l), c.get(k));
            }
            candidates.add(c);
            confidences.add(conf);
        }
        decidedLattices = lattices;
        decidedAt = decision;
        decidedWords = words;
        decidedCandidates = candidates;
        decidedConfidences = confidences;
    }

    /**
     * The findings, each span the finding model flags with a word reading suggested by the reading choice among
     * the readings of {@code deep} (per lattice, the same lattice or one with more candidates at the flagged spans
     * beside every arc of it, see {@link LatticeBuilder#deepen}), decoded as {@code deepDecodings}; null: the
     * lattices' own. Which spans are flagged, and with what confidence, is the lattices' decision either way.
     */
    List<Finding> findings(List<Lattice> lattices, double minConfidence, List<Lattice> deep, List<Decoder.Decoded> deepDecodings) {
        List<Part> parts = new ArrayList<>();
        // the document's own words, counted once for the finding model's candidates
        double decision = Math.max(SPAN_DECISION, minConfidence);
        if (model != null) {
            decide(lattices, decision);
        }
        DocumentWords words = model != null ? decidedWords : words(lattices, estimate.decodings());
        // the same words, the deeper decode's restorations (the document's words counted once)
        DocumentWords deepWords = deep == null ? null : words.withRestorations(deep, deepDecodings);
        for (int l = 0; l < lattices.size(); l++) {
            Lattice lattice = lattices.get(l);
            Decoder.Decoded d = estimate.decodings().get(l);
            if (model != null) {
                // the finding model decides: its confidence must reach one half, as a best-path decision does
                int before = parts.size();
                List<Candidate> candidates = decidedCandidates.get(l);
                double[] confidences = decidedConfidences.get(l);
                for (int k = 0; k < candidates.size(); k++) {
                    Candidate c = candidates.get(k);
                    double confidence = confidences[k];
                    if (confidence >= decision) {
                        Arc arc = lattice.arcs[c.arc()];
                        if (NARROW_DISAGREEING_TERMS && disagrees(lattice, d, arc)) {
                            // the span is spun, the term is not its reading: its words' own readings are
                            for (Part p : narrowed(lattice, d, arc, confidence, decision, words)) {
                                if (!overlapsAny(parts.subList(before, parts.size()), p)) {
                                    parts.add(p); // a part over words another finding holds is left to that finding
                                }
                            }
                            continue;
                        }
                        // the span is decided; which of its readings to suggest is the reading choice's
                        int b = deep == null || deep.get(l) == lattice || isTerm(arc) ? -1 : indexOf(deep.get(l), arc);
                        if (b >= 0) {
                            // among the readings of the deeper lattice (more candidates at the flagged spans)
                            Lattice dl = deep.get(l);
                            Decoder.Decoded dd = deepDecodings.get(l);
                            parts.add(part(dl, CHOICE.choose(dl, dd, b, deepWords), dd, confidence, deepWords, true));
                            continue;
                        }
                        parts.add(part(lattice, CHOICE.choose(lattice, d, c.arc(), words), d, confidence, words, true));
                    }
                }
                settle(parts.subList(before, parts.size()));
                continue;
            }
            boolean[] taken = new boolean[lattice.size()];
            int before = parts.size();
            for (int a = 0; a < lattice.arcs.length; a++) {
                Arc arc = lattice.arcs[a];
                if (arc.isKeep() || !d.best()[a] || d.posterior()[a] < minConfidence) {
                    continue;
                }
                // the best path decides the span (with its reading's posterior); the reading choice which reading
                parts.add(part(lattice, shortChoice(lattice, d, a, words), d, d.posterior()[a], words, !isTerm(arc)));
                java.util.Arrays.fill(taken, arc.from(), arc.to(), true);
            }
            splitSpans(lattice, d, Math.max(SPAN_DECISION, minConfidence), taken, parts, words);
            settle(parts.subList(before, parts.size()));
        }
        List<Finding> out = new ArrayList<>(parts.size());
        int i = 0;
        while (i < parts.size()) {
            // substitutions in the same hyphen compound make one finding ("confront-to-encounter"); a part over words
            // of two compounds ("in-big end-to" read "big end" -> "helping") joins them, and a part in the second
            // compound joins the finding too: the group ends at the last compound any of its parts reaches
            int j = i + 1;
            int groupEnd = parts.get(i).wideEnd;
            while (j < parts.size() && parts.get(j).wideStart < groupEnd) {
                groupEnd = Math.max(groupEnd, parts.get(j).wideEnd);
                j++;
            }
            out.add(j == i + 1 ? parts.get(i).finding(List.of(parts.get(i))) : parts.get(i).finding(parts.subList(i, j)));
            i = j;
        }
        return out;
    }

    /**
     * One sentence's parts in input order; a part read as an inserted "and Y" that would overlap
     * another part (the word it keeps is restored itself) is a plain substitution again.
     */
    private static void settle(List<Part> sentence) {
        for (int k = 0; k < sentence.size(); k++) {
            Part p = sentence.get(k);
            if (p.plain == null) {
                continue;
            }
            for (Part q : sentence) {
                if (q != p && q.wideStart < p.wideEnd && p.wideStart < q.wideEnd) {
                    sentence.set(k, p.plain);
                    break;
                }
            }
        }
        sentence.sort(java.util.Comparator.comparingInt((Part p) -> p.start));
        // findings never overlap (a finding reads the text between its parts): of two parts over the same words the
        // surer stays (a term's word readings and another term over a shared word, each decided on its own)
        int k = 1;
        while (k < sentence.size()) {
            Part before = sentence.get(k - 1);
            Part p = sentence.get(k);
            if (p.start < before.end) {
                sentence.remove(p.confidence > before.confidence ? k - 1 : k);
                k = Math.max(1, k - 1);
            } else {
                k++;
            }
        }
    }

    /**
     * Spans the best path leaves unsure although their readings together are likely. When a span
     * has several readings ("steps", "measures", "values" for "valuates"), the decode's mass for
     * "this span was substituted" is split among them: none of them, nor the best path, may reach
     * the decision while their sum does (term arcs aside, see {@link #isTerm}). Such a span is flagged with that sum as its confidence
     * (the probability that the span is spun) and the reading {@link #CHOICE} picks among its readings as the suggestion. Spans
     * are taken likeliest first and never overlap a finding already made, nor a substitution of
     * the best path over other words.
     */
    private void splitSpans(Lattice lattice, Decoder.Decoded d, double decision, boolean[] taken, List<Part> parts,
            DocumentWords words) {
        java.util.Map<Long, SpanMass> spans = new java.util.HashMap<>();
        // a span's term readings apart: their mass is "this span is a rewritten term", which the bonus shared
        // among them (minus ln rivals) splits however many terms the span reaches
        java.util.Map<Long, SpanMass> termSpans = new java.util.HashMap<>();
        boolean terms = !Double.isNaN(termSpanDecision);
        for (int a = 0; a < lattice.arcs.length; a++) {
            Arc arc = lattice.arcs[a];
            if (!arc.isKeep() && !taken[arc.from()] && d.posterior()[a] > 0 && (terms || !isTerm(arc))) {
                (isTerm(arc) ? termSpans : spans).computeIfAbsent(((long) arc.from() << 32) | arc.to(),
                        k -> new SpanMass()).add(a, d.posterior()[a]);
            }
        }
        List<SpanMass> likely = new ArrayList<>();
        for (SpanMass m : spans.values()) {
            if (m.mass >= decision) {
                likely.add(m);
            }
        }
        for (SpanMass m : termSpans.values()) {
            if (m.mass >= Math.max(decision, termSpanDecision)) {
                likely.add(m);
            }
        }
        likely.sort((x, y) -> x.mass != y.mass ? Double.compare(y.mass, x.mass) : Integer.compare(x.likeliest, y.likeliest));
        for (SpanMass m : likely) {
            Arc arc = lattice.arcs[m.likeliest];
            if (free(lattice, d, arc, taken)) {
                parts.add(part(lattice, shortChoice(lattice, d, m.likeliest, words), d, Math.min(1, m.mass), words, true));
                java.util.Arrays.fill(taken, arc.from(), arc.to(), true);
            }
        }
    }

    /**
     * A reading the finding model weighs: arc {@code arc} of lattice {@code lattice}, with the
     * span's readings' posteriors summed ({@code mass}) and its {@link FindingModel#features}.
     */
    record Candidate(int lattice, int arc, double mass, double[] features) {
    }

    /** The candidates of every lattice (for the finding model's fit). */
    List<Candidate> candidates(List<Lattice> lattices) {
        return candidates(lattices, DocumentWords.STEMS);
    }

    /**
     * Gives this builder the document's words already counted over {@code lattices} decoded as {@code decodings}
     * ({@link DocumentWords#of}, a pure function of the document and the two lists): read wherever it asks for
     * them over the same lists (by identity) instead of counting them again. Returns this builder.
     */
    FindingBuilder knowingWords(List<Lattice> lattices, List<Decoder.Decoded> decodings, DocumentWords words) {
        this.knownLattices = lattices;
        this.knownDecodings = decodings;
        this.knownWords = words;
        return this;
    }

    /** The document's words over these lattices and decodings: the ones given ({@link #knowingWords}) or counted. */
    private DocumentWords words(List<Lattice> lattices, List<Decoder.Decoded> decodings) {
        return lattices == knownLattices && decodings == knownDecodings && knownWords != null ? knownWords
                : DocumentWords.of(doc, lattices, decodings);
    }

    /** The same, the document's words counted by {@code wordKey} (for the fit of other word keys). */
    List<Candidate> candidates(List<Lattice> lattices, java.util.function.UnaryOperator<String> wordKey) {
        List<Candidate> out = new ArrayList<>();
        DocumentWords words = wordKey == DocumentWords.STEMS ? words(lattices, estimate.decodings())
                : DocumentWords.of(doc, lattices, estimate.decodings(), wordKey);
        for (int l = 0; l < lattices.size(); l++) {
            out.addAll(candidates(l, lattices.get(l), words, Double.NaN));
        }
        return out;
    }

    /**
     * The finding model's candidates in one lattice: every span whose readings together reach
     * {@link FindingModel#FLOOR}, or that the best path substitutes, likeliest first, each with the
     * reading the best path takes or else its likeliest, never overlapping a candidate already
     * taken (term arcs are not summed with their rivals, as in {@link #splitSpans}); {@code words} the
     * document's own words, for the candidates' features.
     * <p>
     * With a {@code decision} (the confidence a finding needs; NaN for every candidate as the model was
     * fitted on, and the document score reads), the word spans come first and a term arc is a candidate
     * unless the model flags a word span under it: a term arc reached over a spun word and a clean
     * neighbour ("considerable unrestricted" -> "grand total") no longer hides the word's own reading.
     */
    private List<Candidate> candidates(int l, Lattice lattice, DocumentWords words, double decision) {
        Decoder.Decoded d = estimate.decodings().get(l);
        java.util.Map<Long, SpanMass> spans = new java.util.HashMap<>();
        for (int a = 0; a < lattice.arcs.length; a++) {
            Arc arc = lattice.arcs[a];
            if (!arc.isKeep() && d.posterior()[a] > 0) {
                // a term arc is a span of its own (negative key), whatever other readings its words have
                long key = isTerm(arc) ? -1 - a : ((long) arc.from() << 32) | arc.to();
                spans.computeIfAbsent(key, k -> new SpanMass()).add(a, d.posterior()[a]);
            }
        }
        List<SpanMass> order = new ArrayList<>();
        for (SpanMass m : spans.values()) {
            if (m.mass >= FindingModel.FLOOR || d.best()[m.chosen(d)]) {
                order.add(m);
            }
        }
        order.sort((x, y) -> x.mass != y.mass ? Double.compare(y.mass, x.mass) : Integer.compare(x.likeliest, y.likeliest));
        boolean deciding = !Double.isNaN(decision);
        if (deciding) {
            order.sort((x, y) -> Boolean.compare(isTerm(lattice.arcs[x.likeliest]), isTerm(lattice.arcs[y.likeliest])));
        }
        boolean[] taken = new boolean[lattice.size()];
        boolean[] flagged = new boolean[lattice.size()];
        List<Candidate> out = new ArrayList<>();
        for (SpanMass m : order) {
            int a = m.chosen(d);
            Arc arc = lattice.arcs[a];
            boolean free = true;
            for (int i = arc.from(); i < arc.to(); i++) {
                free &= !(deciding && isTerm(arc) ? flagged[i] : taken[i]);
            }
            if (!free) {
                continue;
            }
            int likelyNear = 0;
            double massNear = 0;
            for (SpanMass other : order) {
                Arc o = lattice.arcs[other.likeliest];
                boolean apart = other != m && (o.to() <= arc.from() || o.from() >= arc.to());
                likelyNear += apart && other.mass >= SPAN_DECISION ? 1 : 0;
                massNear += apart ? Math.min(1, other.mass) : 0;
            }
            int readings = 0;
            for (int b : m.arcs) {
                readings += d.posterior()[b] >= MIN_ALTERNATIVE ? 1 : 0;
            }
            Candidate c = new Candidate(l, a, m.mass, FindingModel.features(lattice, d, a, m.mass, readings, likelyNear,
                    spinScore, estimate.rate(), words, lm, forms));
            if (model == null || model.readsPrecisionFeatures()) { // branch precision30's features: for a fit, or read
                FindingModel.precisionFeatures(lattice, d, a, massNear / lattice.size(), arc.from() > 0
                        && Character.isUpperCase(doc.text().charAt(doc.tokens().get(lattice.tokenIndex[arc.from()]).start())),
                        lm, c.features());
            }
            out.add(c);
            java.util.Arrays.fill(taken, arc.from(), arc.to(), true);
            if (deciding && confidence(lattice, c) >= decision) {
                java.util.Arrays.fill(flagged, arc.from(), arc.to(), true);
            }
        }
        return out;
    }

    /**
     * Where the finding model decides (documents of {@link FindingModel#MIN_WORDS} words or more), a term finding over
     * words whose own readings disagree with the term is narrowed to those readings (branch {@code termnews}, see
     * {@link #disagrees} and {@link #narrowed}). A word spinner rewrites one word of a span that then reaches a known
     * term word by word ("important trust" -> "grand trust", read as "important part"; "versatile circumstances" read as
     * "various things"): in MyThes-spun news 3 of 140 term findings were exact, 111 flagged an edit with the wrong
     * reading, most of them over a clean neighbour, while the spun word's own reading was often the original ("grand"
     * -> "important", "versatile" -> "various"). Short documents (tortured-phrase carriers) are the decode's: unchanged.
     */
    static final boolean NARROW_DISAGREEING_TERMS = true;

    /**
     * Whether a word-by-word term arc (of at least two words) disagrees with its words' own readings: every content
     * word of its span has a word reading inside the span (a substitution arc, not a term arc), and the likeliest of
     * those of some word names no word of the term ("grand trust" -> "important part": "grand" -> "important" agrees,
     * "trust" -> "industry" does not). A content word without any reading says nothing (a spinner's rare word often
     * has none; "happily agnised" -> "well known" stays): such a term stays as it is.
     */
    static boolean disagrees(Lattice lattice, Decoder.Decoded d, Arc term) {
        if (!isTerm(term) || term.to() - term.from() < 2) {
            return false;
        }
        Set<String> termWords = new java.util.HashSet<>(List.of(term.candidate().original().split(" ")));
        boolean disagree = false;
        for (int i = term.from(); i < term.to(); i++) {
            if (FunctionWords.contains(lattice.normal[i])) {
                continue;
            }
            int best = -1;
            for (int b = 0; b < lattice.arcs.length; b++) {
                Arc o = lattice.arcs[b];
                if (!o.isKeep() && !isTerm(o) && o.from() <= i && i < o.to() && o.from() >= term.from() && o.to() <= term.to()
                        && (best < 0 || d.posterior()[b] > d.posterior()[best])) {
                    best = b;
                }
            }
            if (best < 0) {
                return false;
            }
            boolean named = false;
            for (String w : lattice.arcs[best].candidate().original().split(" ")) {
                named |= termWords.contains(w);
            }
            disagree |= !named;
        }
        return disagree;
    }

    /**
     * A term finding of confidence {@code confidence} narrowed to the word readings inside its span, read in the decode
     * given that no term arc over the span is taken (each word arc's posterior divided by one minus the term arcs' mass
     * over its words): the spans of them whose readings together reach {@code decision}, likeliest first, never
     * overlapping, each with its reading by {@link #CHOICE}, or else the likeliest span alone. The parts make one
     * finding (from the first part to the last; a word between them stands as written), so a span flags once, as the
     * term did.
     */
    private List<Part> narrowed(Lattice lattice, Decoder.Decoded d, Arc term, double confidence, double decision,
            DocumentWords words) {
        double[] termMass = new double[lattice.size()];
        for (int b = 0; b < lattice.arcs.length; b++) {
            Arc o = lattice.arcs[b];
            if (!o.isKeep() && isTerm(o)) {
                for (int i = Math.max(o.from(), term.from()); i < Math.min(o.to(), term.to()); i++) {
                    termMass[i] += d.posterior()[b];
                }
            }
        }
        double[] posterior = d.posterior().clone();
        java.util.Map<Long, SpanMass> spans = new java.util.HashMap<>();
        for (int b = 0; b < lattice.arcs.length; b++) {
            Arc o = lattice.arcs[b];
            if (!o.isKeep() && !isTerm(o) && o.from() >= term.from() && o.to() <= term.to() && d.posterior()[b] > 0) {
                double mass = 0;
                for (int i = o.from(); i < o.to(); i++) {
                    mass = Math.max(mass, termMass[i]);
                }
                posterior[b] = Math.min(1, d.posterior()[b] / Math.max(1e-9, 1 - mass));
                spans.computeIfAbsent(((long) o.from() << 32) | o.to(), k -> new SpanMass()).add(b, posterior[b]);
            }
        }
        Decoder.Decoded given = new Decoder.Decoded(posterior, d.best(), d.logZ());
        List<SpanMass> likely = new ArrayList<>(spans.values());
        likely.sort((x, y) -> x.mass != y.mass ? Double.compare(y.mass, x.mass) : Integer.compare(x.likeliest, y.likeliest));
        boolean[] taken = new boolean[lattice.size()];
        List<Part> narrowed = new ArrayList<>();
        List<Token> tokens = doc.tokens();
        int termStart = tokens.get(lattice.tokenIndex[term.from()]).start();
        int termEnd = tokens.get(lattice.tokenIndex[term.to() - 1]).end();
        for (SpanMass m : likely) {
            if (m.mass < decision) {
                break;
            }
            Arc o = lattice.arcs[m.likeliest];
            boolean free = true;
            for (int i = o.from(); i < o.to(); i++) {
                free &= !taken[i];
            }
            if (free) {
                // the reading chosen may reach past the span (an inserted "and Y"): never over a part already made
                Part p = within(part(lattice, CHOICE.choose(lattice, given, m.chosen(given), words), given, confidence,
                        words, true), termStart, termEnd);
                if (!overlapsAny(narrowed, p)) {
                    narrowed.add(p);
                }
                java.util.Arrays.fill(taken, o.from(), o.to(), true);
            }
        }
        if (narrowed.isEmpty() && !likely.isEmpty()) {
            narrowed.add(within(part(lattice, CHOICE.choose(lattice, given, likely.get(0).chosen(given), words), given,
                    confidence, words, true), termStart, termEnd));
        }
        int wideStart = Integer.MAX_VALUE;
        int wideEnd = -1;
        for (Part p : narrowed) {
            wideStart = Math.min(wideStart, p.wideStart);
            wideEnd = Math.max(wideEnd, p.wideEnd);
        }
        List<Part> out = new ArrayList<>(narrowed.size());
        for (Part p : narrowed) {
            out.add(new Part(p.start, p.end, wideStart, wideEnd, p.reading, p.confidence, p.alternatives, p.evidence));
        }
        return out;
    }

    /**
     * A narrowed term's part kept within the term's text ({@code start}-{@code end}): a reading as an inserted "and Y"
     * that reaches back to the word before "and" gives way to its plain substitution, since another finding may hold
     * that word ("unobserved components and thermal timing relays": the term "unobserved components" and the narrowed
     * "thermal timing relays" read as "components" inserted).
     */
    private static Part within(Part p, int start, int end) {
        return p.plain != null && (p.start < start || p.end > end) ? p.plain : p;
    }

    /** The index of {@code arc} (the same object) among the arcs of {@code lattice}, or -1. */
    private static int indexOf(Lattice lattice, Arc arc) {
        for (int b = lattice.firstArc[arc.from()]; b < lattice.firstArc[arc.from() + 1]; b++) {
            if (lattice.arcs[b] == arc) {
                return b;
            }
        }
        return -1;
    }

    /** Whether a part's text overlaps that of one of the parts (findings of one text never overlap). */
    private static boolean overlapsAny(List<Part> parts, Part p) {
        for (Part q : parts) {
            if (q.start < p.end && p.start < q.end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Term arcs are not summed with a span's word readings: a span that reaches many terms by chance
     * shares one term bonus among them ({@link TermCandidates}: minus ln(rivals)), and summing the rivals
     * with the words' readings would give the bonus back ("feature extraction" reaches "film making",
     * "movie house", "product line", ... in clean text). With {@link DetectorSettings#termSpanDecision()}
     * the term readings are summed among themselves: the bonus shared once, their sum is what one term
     * arc would have had ("estimator net": "computer network" 0.26, "computer screen" 0.48, "computer
     * store" 0.26 while the best path keeps the span).
     */
    private static boolean isTerm(Arc arc) {
        return TermCandidates.SOURCE.equals(arc.candidate().candidate().source());
    }

    /** True when no finding covers a word of the arc and the best path substitutes no overlapping other span. */
    private static boolean free(Lattice lattice, Decoder.Decoded d, Arc arc, boolean[] taken) {
        for (int i = arc.from(); i < arc.to(); i++) {
            if (taken[i]) {
                return false;
            }
        }
        for (int b = 0; b < lattice.arcs.length; b++) {
            Arc other = lattice.arcs[b];
            if (d.best()[b] && !other.isKeep() && other.from() < arc.to() && arc.from() < other.to()
                    && (other.from() != arc.from() || other.to() != arc.to())) {
                return false;
            }
        }
        return true;
    }

    /** The substitution posteriors of one span summed, and its likeliest reading (arc index). */
    private static final class SpanMass {
        double mass;
        int likeliest = -1;
        double likeliestPosterior;
        final List<Integer> arcs = new ArrayList<>(2);

        /** The reading the best path takes, else the likeliest. */
        int chosen(Decoder.Decoded d) {
            for (int a : arcs) {
                if (d.best()[a]) {
                    return a;
                }
            }
            return likeliest;
        }

        void add(int arc, double posterior) {
            arcs.add(arc);
            mass += posterior;
            if (likeliest < 0 || posterior > likeliestPosterior) {
                likeliest = arc;
                likeliestPosterior = posterior;
            }
        }
    }

    /** One substitution on the best path, before compounds are merged. */
    private final class Part {
        final int start;
        final int end;
        final int wideStart;
        final int wideEnd;
        final String reading;
        final double confidence;
        final List<Alternative> alternatives;
        final String evidence;
        /** For a part read as an inserted "and Y": the plain substitution of Y it replaces, else null. */
        final Part plain;

        Part(int start, int end, int wideStart, int wideEnd, String reading, double confidence,
                List<Alternative> alternatives, String evidence) {
            this(start, end, wideStart, wideEnd, reading, confidence, alternatives, evidence, null);
        }

        Part(int start, int end, int wideStart, int wideEnd, String reading, double confidence,
                List<Alternative> alternatives, String evidence, Part plain) {
            this.plain = plain;
            this.start = start;
            this.end = end;
            this.wideStart = wideStart;
            this.wideEnd = wideEnd;
            this.reading = reading;
            this.confidence = confidence;
            this.alternatives = alternatives;
            this.evidence = evidence;
        }

        /** The finding for this part and the following parts of the same compound. */
        Finding finding(List<Part> group) {
            String text = doc.text();
            int wEnd = group.get(group.size() - 1).wideEnd;
            StringBuilder suggestion = new StringBuilder();
            int at = wideStart;
            double confidence = 1;
            List<String> evidences = new ArrayList<>();
            for (Part p : group) {
                suggestion.append(text, at, p.start).append(p.reading);
                at = p.end;
                confidence = Math.min(confidence, p.confidence);
                evidences.add(p.evidence);
            }
            suggestion.append(text, at, wEnd);
            List<Alternative> alts = group.size() == 1 ? alternatives : List.of();
            return new Finding(wideStart, wEnd, text.substring(wideStart, wEnd), suggestion.toString(), confidence,
                    alts, String.join(" | ", evidences));
        }
    }

    /** An alternative reading and what orders it among the span's others (highest first). */
    private record RankedAlternative(Alternative alternative, double rank) {
    }

    /**
     * Where the posteriors decide (documents under {@link FindingModel#MIN_WORDS} words): the reading
     * {@link #CHOICE} chooses among a word span's readings, or the decode's own for a term arc. The fit saw
     * term arcs among term arcs hardly ever (a span with word readings is a group of those), and in the
     * tortured-phrase carriers two terms often tie ("social media", "social services" for "multiethnic
     * businesses"), where the choice has nothing to go on.
     */
    private static int shortChoice(Lattice lattice, Decoder.Decoded d, int a, DocumentWords words) {
        return isTerm(lattice.arcs[a]) ? a : CHOICE.choose(lattice, d, a, words);
    }

    /**
     * The part for arc {@code a}, its alternatives ordered by the reading choice's score ({@code byChoice},
     * with the document's {@code words} in view) or else by posterior.
     */
    private Part part(Lattice lattice, int a, Decoder.Decoded d, double confidence, DocumentWords words, boolean byChoice) {
        Arc arc = lattice.arcs[a];
        List<Token> tokens = doc.tokens();
        int first = lattice.tokenIndex[arc.from()];
        int last = lattice.tokenIndex[arc.to() - 1];
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        // widen to the whole hyphen compound, keeping the other parts as they stand
        int cFirst = first;
        while (cFirst >= 2 && tokens.get(cFirst - 1).type() == TokenType.JOINER) {
            cFirst -= 2;
        }
        int cLast = last;
        while (cLast + 2 < tokens.size() && tokens.get(cLast + 1).type() == TokenType.JOINER) {
            cLast += 2;
        }
        String text = doc.text();
        int wideStart = tokens.get(cFirst).start();
        int wideEnd = tokens.get(cLast).end();
        String reading = cased(lattice, arc.from(), arc.to(), arc.candidate().original());

        List<RankedAlternative> ranked = new ArrayList<>();
        for (int b = lattice.firstArc[arc.from()]; b < lattice.firstArc[arc.from() + 1]; b++) {
            Arc other = lattice.arcs[b];
            if (b == a || other.isKeep() || other.to() != arc.to() || d.posterior()[b] < MIN_ALTERNATIVE) {
                continue;
            }
            String alt = text.substring(wideStart, start) + cased(lattice, other.from(), other.to(),
                    other.candidate().original()) + text.substring(end, wideEnd);
            ranked.add(new RankedAlternative(new Alternative(alt, d.posterior()[b]),
                    byChoice ? CHOICE.score(ReadingChoice.features(lattice, d, b, words)) : d.posterior()[b]));
        }
        ranked.sort((x, y) -> Double.compare(y.rank(), x.rank())); // stable: ties stay in lattice order
        List<Alternative> alternatives = new ArrayList<>(Math.min(ranked.size(), MAX_ALTERNATIVES));
        for (int k = 0; k < ranked.size() && k < MAX_ALTERNATIVES; k++) {
            alternatives.add(ranked.get(k).alternative());
        }
        Part plain = new Part(start, end, wideStart, wideEnd, reading, confidence, alternatives, evidence(lattice, arc));
        int repeated = repeatedConjunct(lattice, arc);
        boolean linked = repeated == 0 && LINKED_CONJUNCTS && synonyms != null && linkedConjunct(lattice, arc, synonyms);
        repeated = linked ? 1 : repeated;
        if (repeated == 0 || cFirst != first || cLast != last) {
            return plain;
        }
        // "combined and conflated" read as "combined and combined": no writer says that, a spinner that
        // inserts "and" with a synonym does; the pair is read as that insertion, the writer's word kept
        int x = lattice.tokenIndex[arc.from() - 1 - repeated];
        if (x > 0 && tokens.get(x - 1).type() == TokenType.JOINER) {
            return plain;
        }
        int xStart = tokens.get(x).start();
        String kept = text.substring(xStart, tokens.get(lattice.tokenIndex[arc.from() - 2]).end());
        String evidence = linked
                ? String.format(Locale.ROOT, "'%s' inserted beside '%s' (a synonym of it); %s",
                        lattice.observed(arc.from(), arc.to()), kept, plain.evidence)
                : String.format(Locale.ROOT, "'%s' inserted beside '%s' (its reading repeats it); %s",
                        lattice.observed(arc.from(), arc.to()), arc.candidate().original(), plain.evidence);
        return new Part(xStart, end, xStart, end, kept, confidence, List.of(), evidence, plain);
    }

    /**
     * The number of words before "and" that the arc's reading repeats ("combined and conflated" with
     * "conflated" read as "combined": 1), or 0: the reading is not the words right before an "and"
     * right before the arc, or punctuation or a hyphen stands between them.
     */
    static int repeatedConjunct(Lattice lattice, Arc arc) {
        String[] reading = arc.candidate().original().split(" ");
        int k = reading.length;
        int and = arc.from() - 1;
        if (and - k < 0 || !lattice.normal[and].equals("and")
                || lattice.tokenIndex[arc.from()] - lattice.tokenIndex[and - k] != k + 1) {
            return 0;
        }
        for (int i = 0; i < k; i++) {
            if (!lattice.normal[and - k + i].equals(reading[i])) {
                return 0;
            }
        }
        return k;
    }

    /**
     * Whether a flagged word span is the spinner's inserted "and Y" after a word X ("chamber and enclosure" with
     * "enclosure" read as "close": the spinner wrote "enclosure" beside "chamber", branch {@code exact21}): the span
     * follows "X and" with no punctuation between, X is a content word other than the span, and the lexicon links
     * the span and X (either way: the test of an insertion arc, {@code LatticeBuilder.insertion}, which reads only
     * the first candidates by prior). The arc is a word reading (not a term, not an insertion or compound).
     */
    static boolean linkedConjunct(Lattice lattice, Arc arc, java.util.function.BiPredicate<String, String> synonyms) {
        int and = arc.from() - 1;
        if (and < 1 || !lattice.normal[and].equals("and") || isTerm(arc)
                || lattice.tokenIndex[arc.from()] - lattice.tokenIndex[and - 1] != 2) {
            return false;
        }
        String x = lattice.normal[and - 1];
        String y = lattice.observed(arc.from(), arc.to());
        if (x.equals(y) || FunctionWords.contains(x)) {
            return false;
        }
        return synonyms.test(y, x) || synonyms.test(x, y);
    }

    /** Whether {@link #linkedConjunct} is read (branch {@code exact21}). */
    static final boolean LINKED_CONJUNCTS = true;

    /** The original cased like the observed span: every word capitalised in a name, else like the first word. */
    private String cased(Lattice lattice, int from, int to, String original) {
        List<Token> tokens = doc.tokens();
        boolean allTitle = true;
        boolean allUpper = true;
        for (int i = from; i < to; i++) {
            Normalizer.Casing c = Normalizer.casing(tokens.get(lattice.tokenIndex[i]).text());
            allTitle &= c == Normalizer.Casing.TITLE;
            allUpper &= c == Normalizer.Casing.UPPER;
        }
        if (allUpper) {
            return original.toUpperCase(Locale.ROOT);
        }
        if (allTitle && to - from > 1 || allTitle && from > 0) {
            StringBuilder sb = new StringBuilder(original.length());
            for (String w : original.split(" ")) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(Normalizer.applyCasing(w, Normalizer.Casing.TITLE));
            }
            return sb.toString();
        }
        return Normalizer.applyCasing(original, Normalizer.casing(tokens.get(lattice.tokenIndex[from]).text()));
    }

    private String evidence(Lattice lattice, Arc arc) {
        String left = arc.from() > 0 ? lattice.normal[arc.from() - 1] + " " : "";
        String right = arc.to() < lattice.size() ? " " + lattice.normal[arc.to()] : "";
        String observed = lattice.observed(arc.from(), arc.to());
        String original = arc.candidate().original();
        Evidence.Gain g = arc.evidence();
        StringBuilder sb = new StringBuilder(160);
        // (the text String.format(Locale.ROOT, "LM: '%s%s%s' is 10^%.1f more likely than '%s%s%s' (10^%.1f beyond word
        // frequency)", ...) gives, without its format parser: a tenth of the time of a spun document's findings)
        sb.append("LM: '").append(left).append(original).append(right).append("' is 10^");
        appendFixed(sb, g.contextLog10(), 1);
        sb.append(" more likely than '").append(left).append(observed).append(right).append("' (10^");
        appendFixed(sb, g.gainLog10(), 1);
        sb.append(" beyond word frequency)");
        sb.append("; ").append(arc.candidate().candidate().source())
                .append(arc.candidate().candidate().hops() > 1 ? " synonym of a synonym" : " synonym");
        if (g.name()) {
            sb.append("; restores a title-case name");
        }
        Map<String, Set<String>> variants = estimate.variants();
        Set<String> forms = variants.get(original);
        if (forms != null && forms.size() > 1) {
            List<String> others = new ArrayList<>(forms);
            others.remove(observed);
            others.sort(null);
            sb.append("; '").append(original).append("' also appears spun as '")
                    .append(String.join("', '", others)).append('\'');
        }
        sb.append("; spin rate r=");
        appendFixed(sb, estimate.rate(), 2);
        return sb.toString();
    }

    /**
     * Appends {@code x} with {@code digits} decimals as {@code String.format(Locale.ROOT, "%.<digits>f", x)} does:
     * the shortest decimal that reads back as {@code x} ({@link Double#toString}) rounded half up, a minus sign
     * on every negative value and on negative zero ("-0.0"); NaN and the infinities by the formatter itself.
     */
    static void appendFixed(StringBuilder sb, double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            sb.append(String.format(Locale.ROOT, "%." + digits + "f", x));
            return;
        }
        if (Double.compare(x, 0.0) < 0) {
            sb.append('-');
            x = -x;
        }
        sb.append(new java.math.BigDecimal(Double.toString(x)).setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString());
    }
}

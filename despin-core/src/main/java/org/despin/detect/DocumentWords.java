package org.despin.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.despin.text.Document;
import org.despin.text.Normalizer;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The document's own words, counted once per document for the finding model: a spinner rewrites
 * only a share of the words, so the original of a spun word often stands unspun elsewhere in the
 * same text ("Security Council" early, "Protection Council" later), while a word the writer uses
 * again and again is seldom a spinner's one-off pick. Words are counted by a crude {@link #stem}
 * ("councils", "council"), function words not at all. Also counted: the originals the decode's best
 * paths restore; the same original restored twice is a spinner's repeated rewrite or a writer's
 * repeated word read the same wrong way each time (in clean text mostly the latter: the fitted
 * weight is negative where the boost does not apply).
 */
final class DocumentWords {
    /** Counts above this say nothing more (a topic word of a long text). */
    static final int CAP = 5;
    /** Restorations of the same original elsewhere: more than this say nothing more. */
    static final int RESTORED_CAP = 3;

    /**
     * The key words are counted by: the crude {@link #stem}. Lemmas (LanguageTool's tagger, so that
     * "went" counts for "go") were measured in its place and fit no better (docs/detector.md, "Lemmas
     * and a second DEFAULTS refit"); the model holds no lemma table at run time either.
     */
    static final UnaryOperator<String> STEMS = DocumentWords::stem;

    /** The content words' counts: filled by {@link #of} only, then read-only (a copy with other restorations shares it). */
    private final Map<String, Integer> counts;
    private final Map<String, Integer> restorations = new HashMap<>();
    /** The best paths' substitutions, and those of them whose lexicon link has WordNet, and Moby. */
    private int substitutions;
    private int wordNetLinks;
    private int mobyLinks;
    /** What a normalised content word is counted as: its crude stem, or its lemma's. */
    private final UnaryOperator<String> key;

    private DocumentWords(UnaryOperator<String> key) {
        this(key, new HashMap<>());
    }

    private DocumentWords(UnaryOperator<String> key, Map<String, Integer> counts) {
        this.key = key;
        this.counts = counts;
    }

    /**
     * Counts the content words of the document (word tokens that are no function words) and the
     * originals of the substitutions on the best paths of its lattices.
     */
    static DocumentWords of(Document doc, List<Lattice> lattices, List<Decoder.Decoded> decodings) {
        return of(doc, lattices, decodings, STEMS);
    }

    /** The same, each content word counted as {@code key} of it (its lemma's stem, say). */
    static DocumentWords of(Document doc, List<Lattice> lattices, List<Decoder.Decoded> decodings,
            UnaryOperator<String> key) {
        DocumentWords w = new DocumentWords(key);
        for (Token t : doc.tokens()) {
            if (t.type() == TokenType.WORD) {
                w.add(Normalizer.lmForm(t.text()));
            }
        }
        w.restore(lattices, decodings);
        return w;
    }

    /**
     * The same document's words with the restorations of other lattices of it ({@code lattices} as decoded): what
     * {@link #of} gives for them, its words not counted again (branch {@code deep22}: the deepened lattices'
     * reading choice).
     */
    DocumentWords withRestorations(List<Lattice> lattices, List<Decoder.Decoded> decodings) {
        DocumentWords w = new DocumentWords(key, counts);
        w.restore(lattices, decodings);
        return w;
    }

    /** Counts the originals of the substitutions on the best paths of the lattices. */
    private void restore(List<Lattice> lattices, List<Decoder.Decoded> decodings) {
        DocumentWords w = this;
        for (int l = 0; l < lattices.size(); l++) {
            Lattice lattice = lattices.get(l);
            boolean[] best = decodings.get(l).best();
            for (int a = 0; a < lattice.arcs.length; a++) {
                if (best[a] && !lattice.arcs[a].isKeep()) {
                    w.restorations.merge(lattice.arcs[a].candidate().original(), 1, Integer::sum);
                    String source = lattice.arcs[a].candidate().candidate().source();
                    w.substitutions++;
                    w.wordNetLinks += ReadingChoice.isWordNetSynonym(source) ? 1 : 0;
                    w.mobyLinks += ReadingChoice.isMobySynonym(source) ? 1 : 0;
                }
            }
        }
    }

    /** The counts of the given normalised words, and no restorations (for tests). */
    static DocumentWords of(List<String> words) {
        DocumentWords w = new DocumentWords(STEMS);
        words.forEach(w::add);
        return w;
    }

    /**
     * The share of the best paths' substitutions whose link has WordNet (smoothed: (n + 1) / (all + 2)): which
     * thesaurus the document's spinner reads, as far as the decode's restorations tell.
     */
    double wordNetShare() {
        return (wordNetLinks + 1.0) / (substitutions + 2.0);
    }

    /** The same for Moby's links. */
    double mobyShare() {
        return (mobyLinks + 1.0) / (substitutions + 2.0);
    }

    /**
     * ln(1 + the best paths' other restorations of this original), capped at {@link #RESTORED_CAP};
     * {@code onBestPath} says whether the candidate's own is one of them.
     */
    double restoredElsewhere(String original, boolean onBestPath) {
        int n = restorations.getOrDefault(original, 0) - (onBestPath ? 1 : 0);
        return Math.log1p(Math.min(RESTORED_CAP, Math.max(0, n)));
    }

    private void add(String word) {
        if (!FunctionWords.contains(word)) {
            counts.merge(key.apply(word), 1, Integer::sum);
        }
    }

    /**
     * How often the content words of {@code phrase} (space-separated, normalised) occur in the document
     * outside {@code span} (the observed words of the candidate's span: their own occurrences do not
     * count): ln(1 + count), count capped at {@link #CAP}, averaged over the phrase's content words; 0
     * when it has none.
     */
    double elsewhere(String phrase, String[] span, int from, int to) {
        double sum = 0;
        int words = 0;
        int at = 0;
        while (at <= phrase.length()) {
            int space = phrase.indexOf(' ', at);
            int end = space < 0 ? phrase.length() : space;
            String word = phrase.substring(at, end);
            at = end + 1;
            if (word.isEmpty() || FunctionWords.contains(word)) {
                continue;
            }
            String stem = key.apply(word);
            int n = counts.getOrDefault(stem, 0);
            for (int i = from; i < to; i++) {
                n -= !FunctionWords.contains(span[i]) && key.apply(span[i]).equals(stem) ? 1 : 0;
            }
            sum += Math.log1p(Math.min(CAP, Math.max(0, n)));
            words++;
        }
        return words == 0 ? 0 : sum / words;
    }

    /**
     * A crude stem, enough to find "councils" for "council" and "required" for "requires": the regular
     * suffixes -ies, -ing, -ed, -es, -s and a final silent e are cut; irregular forms stay apart.
     */
    static String stem(String w) {
        int n = w.length();
        if (n <= 3) {
            return w;
        }
        String s = w;
        if (s.endsWith("ies") && n >= 5) {
            s = s.substring(0, n - 3) + "y";
        } else if (s.endsWith("ing") && n >= 6) {
            s = s.substring(0, n - 3);
        } else if (s.endsWith("ed") && n >= 5) {
            s = s.substring(0, n - 2);
        } else if (s.endsWith("es") && n >= 5) {
            s = s.substring(0, n - 1);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, n - 1);
        }
        if (s.length() > 3 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}

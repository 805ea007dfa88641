package org.despin.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.despin.detect.Finding;
import org.despin.text.Document;
import org.despin.text.Token;

/**
 * A text seen the ways source finding compares texts: its plain words, its immutables, and its
 * restored lemma tokens with offsets into the original. Built the same way for a query and for
 * every indexed source, so that the two sides always agree.
 */
public final class TextProfile {
    private final String text;
    private final List<Finding> findings;
    private final List<String> plainWords;
    private final List<String> immutables;
    private final List<KeyedToken> keyed;

    private TextProfile(String text, List<Finding> findings, List<String> plainWords, List<String> immutables,
            List<KeyedToken> keyed) {
        this.text = text;
        this.findings = findings;
        this.plainWords = plainWords;
        this.immutables = immutables;
        this.keyed = keyed;
    }

    /** Profiles {@code text} with the restorer's findings (non-overlapping, offsets into text). */
    public static TextProfile of(String text, List<Finding> findings) {
        Document doc = Document.parse(text);
        boolean[] immutableMask = Immutables.mask(doc);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::start));
        List<String> plain = new ArrayList<>();
        List<String> imm = new ArrayList<>();
        List<KeyedToken> keyed = new ArrayList<>();
        int f = 0;
        int emittedFinding = -1;
        List<Token> tokens = doc.tokens();
        for (int t = 0; t < tokens.size(); t++) {
            Token tok = tokens.get(t);
            if (!Immutables.isWordOrNumber(tok)) {
                continue;
            }
            String lower = tok.normal();
            plain.add(lower);
            if (immutableMask[t]) {
                imm.add(lower);
            }
            while (f < sorted.size() && sorted.get(f).end() <= tok.start()) {
                f++;
            }
            boolean inFinding = f < sorted.size() && sorted.get(f).start() <= tok.start()
                    && tok.end() <= sorted.get(f).end();
            if (!inFinding) {
                keyed.add(new KeyedToken(tok.start(), tok.end(), lower, CrudeLemmatizer.lemma(lower), immutableMask[t],
                        false));
            } else if (emittedFinding != f) {
                emittedFinding = f;
                Finding fi = sorted.get(f);
                for (Token s : Document.parse(fi.suggestion()).tokens()) {
                    if (Immutables.isWordOrNumber(s)) {
                        String sl = s.normal();
                        keyed.add(new KeyedToken(fi.start(), fi.end(), sl, CrudeLemmatizer.lemma(sl),
                                FunctionWords.contains(sl), true));
                    }
                }
            }
        }
        return new TextProfile(text, List.copyOf(sorted), List.copyOf(plain), List.copyOf(imm), List.copyOf(keyed));
    }

    /** Profiles {@code text} restored by {@code restorer}. */
    public static TextProfile of(String text, Restorer restorer) {
        return of(text, restorer.findings(text));
    }

    public String text() {
        return text;
    }

    /** The restorer's findings this profile was built with, in input order. */
    public List<Finding> findings() {
        return findings;
    }

    /** Lower-cased word and number tokens of the original text. */
    public List<String> plainWords() {
        return plainWords;
    }

    /** Lower-cased immutables of the original text, in order. */
    public List<String> immutables() {
        return immutables;
    }

    /** Restored tokens with lemma keys and offsets into the original. */
    public List<KeyedToken> keyedTokens() {
        return keyed;
    }

    /** Lower-cased restored words: the plain words with the restorer's suggestions in place. */
    public List<String> restoredWords() {
        List<String> out = new ArrayList<>(keyed.size());
        for (KeyedToken k : keyed) {
            out.add(k.surface());
        }
        return out;
    }

    /** Restored lemma keys in order. */
    public List<String> restoredKeys() {
        List<String> out = new ArrayList<>(keyed.size());
        for (KeyedToken k : keyed) {
            out.add(k.key());
        }
        return out;
    }

    public long[] immutableShingles(FingerprintSettings s) {
        return Shingles.of(immutables, s.immutableShingle());
    }

    public long[] restoredShingles(FingerprintSettings s) {
        return Shingles.of(restoredKeys(), s.restoredShingle());
    }

    public long[] baselineShingles(FingerprintSettings s) {
        return Shingles.of(plainWords, s.baselineShingle());
    }
}

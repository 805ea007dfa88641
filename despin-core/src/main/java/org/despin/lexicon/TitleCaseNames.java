package org.despin.lexicon;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word pairs seen written as names: two title-case words in a row inside a sentence ("Security
 * Council", "Supreme Court"), kept lower-case. The language model is lower-case, so a reading it
 * stores as a collocation ("continuing mission") may still be no name; a title-case span restored
 * to a name should make one that text writes as a name (docs/detector.md "Names"). The default
 * model holds them in its "names" section ({@link NameFormat}, counted by {@link TitleCasePairs}).
 * {@link #UNKNOWN} (no case data: a model without that section) accepts every pair: then only the
 * LM's cohesion decides. Immutable.
 */
public final class TitleCaseNames {
    /** No case data: every pair may be a name. */
    public static final TitleCaseNames UNKNOWN = new TitleCaseNames(null);

    /** "w1 w2", lower-case; null for {@link #UNKNOWN}. */
    private final Set<String> pairs;

    private TitleCaseNames(Set<String> pairs) {
        this.pairs = pairs;
    }

    /** The pairs given, each "first second" (any case). */
    public static TitleCaseNames of(Collection<String> pairs) {
        return new TitleCaseNames(pairs.stream().map(p -> p.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Pairs already lower-case (as {@link NameFormat} reads them): no copy is lower-cased. */
    static TitleCaseNames ofLowerCase(String[] pairs) {
        return new TitleCaseNames(Set.of(pairs));
    }

    /** Whether there is case data (false for {@link #UNKNOWN}). */
    public boolean isKnown() {
        return pairs != null;
    }

    /** How many pairs (0 for {@link #UNKNOWN}). */
    public int size() {
        return pairs == null ? 0 : pairs.size();
    }

    /** Whether {@code first second} was seen written as a name (always, without case data). */
    public boolean writtenAsName(String first, String second) {
        return pairs == null || pairs.contains(first.toLowerCase(Locale.ROOT) + " " + second.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a run of words holds, at a pair touching positions {@code from} to {@code to} (the
     * reading's words), one written as a name: a reading that joins its title-case neighbours into no
     * name seen ("Continuing Mission") is no name.
     */
    public boolean joinsAName(String[] run, int from, int to) {
        if (pairs == null || run.length < 2) {
            return true;
        }
        for (int k = Math.max(0, from - 1); k < Math.min(run.length - 1, to); k++) {
            if (writtenAsName(run[k], run[k + 1])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return pairs == null ? "TitleCaseNames.UNKNOWN" : "TitleCaseNames(" + pairs.size() + " pairs)";
    }
}

package org.despin.lm.build;

/** Receives the n-grams of a {@link BackoffSource}. */
@FunctionalInterface
public interface NgramVisitor {
    /**
     * A source may reuse the {@code words} array between calls: copy it to keep it.
     *
     * @param words the n-gram, normalised words, oldest first ({@code <s>}, {@code </s>}, {@code <unk>} as such)
     * @param log10Prob log10 P(last word | the others)
     * @param log10Backoff log10 back-off weight of the n-gram as a context (0 for the highest order)
     */
    void visit(String[] words, float log10Prob, float log10Backoff);
}

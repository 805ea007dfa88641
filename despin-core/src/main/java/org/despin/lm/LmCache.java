package org.despin.lm;

/**
 * A memo of recent queries for one thread ({@link LanguageModel#newCache}): the states made with
 * {@link LanguageModel#newState(LmCache)} share it, and a query it has seen is answered from it
 * instead of from the model. Text is Zipfian, so contexts and words recur ("of the", "in the",
 * ".") and the answer of a recurring query is one cache line away instead of several dependent
 * reads of the model. A cached answer is the model's answer, bit for bit.
 *
 * <p>Mutable and not thread-safe: one per thread (or per caller object), never shared.
 */
public interface LmCache {
    /** A cache that holds nothing (for models without one). */
    LmCache NONE = new LmCache() {
        @Override
        public long lookups() {
            return 0;
        }

        @Override
        public long hits() {
            return 0;
        }
    };

    /** Queries made through states that use this cache. */
    long lookups();

    /** Queries answered from the cache. */
    long hits();
}

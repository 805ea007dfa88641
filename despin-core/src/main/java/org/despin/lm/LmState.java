package org.despin.lm;

/**
 * The context a language model carries from one query to the next, so that scoring the next
 * word does not look the whole n-gram up again (KenLM's {@code State}). Mutable and cheap; owned
 * by one thread. Two states that are {@link #equals} predict every next word identically, so a
 * decoder may recombine paths that reach equal states.
 */
public interface LmState {
    /** Makes this state a copy of {@code other}. */
    void copyFrom(LmState other);

    /** Number of context words this state holds (0 to order - 1). */
    int length();
}

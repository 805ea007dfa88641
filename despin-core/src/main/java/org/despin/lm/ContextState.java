package org.despin.lm;

import java.util.Arrays;

/** An {@link LmState} holding up to {@code order - 1} context word ids, most recent last. */
public final class ContextState implements LmState {
    final int[] words;
    int length;

    public ContextState(int maxContext) {
        this.words = new int[Math.max(0, maxContext)];
    }

    @Override
    public void copyFrom(LmState other) {
        ContextState o = (ContextState) other;
        System.arraycopy(o.words, 0, words, 0, o.length);
        length = o.length;
    }

    @Override
    public int length() {
        return length;
    }

    /** The i-th context word, 0 = oldest. */
    public int word(int i) {
        return words[i];
    }

    /** Appends {@code word}, dropping the oldest when full. */
    void push(int word) {
        if (words.length == 0) {
            return;
        }
        if (length == words.length) {
            System.arraycopy(words, 1, words, 0, length - 1);
            length--;
        }
        words[length++] = word;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ContextState)) {
            return false;
        }
        ContextState s = (ContextState) o;
        return length == s.length && Arrays.equals(words, 0, length, s.words, 0, s.length);
    }

    @Override
    public int hashCode() {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = h * 31 + words[i];
        }
        return h;
    }
}

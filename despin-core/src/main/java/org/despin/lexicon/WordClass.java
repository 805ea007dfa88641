package org.despin.lexicon;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Coarse parts of speech a word form can have, from the tagger dictionary. */
public enum WordClass {
    NOUN, VERB, ADJECTIVE, ADVERB, PROPER_NOUN, NUMBER, FUNCTION_WORD;

    private static final List<Set<WordClass>> BY_MASK = masks();

    /** The bit of this class in a mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The classes of a mask, as a shared immutable set. */
    public static Set<WordClass> fromMask(int mask) {
        return BY_MASK.get(mask & ((1 << values().length) - 1));
    }

    private static List<Set<WordClass>> masks() {
        WordClass[] all = values();
        Set<WordClass>[] sets = newArray(1 << all.length);
        for (int m = 0; m < sets.length; m++) {
            EnumSet<WordClass> s = EnumSet.noneOf(WordClass.class);
            for (WordClass c : all) {
                if ((m & c.bit()) != 0) {
                    s.add(c);
                }
            }
            sets[m] = Collections.unmodifiableSet(s);
        }
        return List.of(sets);
    }

    @SuppressWarnings("unchecked")
    private static Set<WordClass>[] newArray(int n) {
        return (Set<WordClass>[]) new Set<?>[n];
    }
}

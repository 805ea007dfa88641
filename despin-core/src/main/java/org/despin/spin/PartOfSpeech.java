package org.despin.spin;

/** The word class under which a thesaurus lists a sense. {@link #UNKNOWN} for thesauri without one (Moby). */
public enum PartOfSpeech {
    NOUN, VERB, ADJECTIVE, ADVERB, UNKNOWN;

    /** True when a word analysed as {@code this} may take a synonym listed under {@code other}. */
    public boolean compatibleWith(PartOfSpeech other) {
        return this == other || this == UNKNOWN || other == UNKNOWN;
    }
}

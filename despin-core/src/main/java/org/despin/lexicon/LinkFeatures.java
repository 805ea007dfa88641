package org.despin.lexicon;

/**
 * What the thesauri say about one link "a spinner may write {@code observed} for
 * {@code original}": the facts from which {@link ChannelWeights} computes the channel weight.
 * Stored in the model instead of a finished weight, so that the weights can be refitted without
 * rebuilding the lexicon.
 *
 * @param originalSynonyms how many distinct words and phrases the thesauri offer for the original
 *        (its out-degree before any bound; a spinner replacing a word with a long list is less likely
 *        to pick any given one of them), 1..65535 (larger values are capped)
 * @param hops 1 for a direct link, 2 for a synonym of a synonym
 * @param flags bits: {@link #DIRECT}, {@link #INVERSE}, {@link #MOBY}, {@link #WORDNET}, {@link #NUMBER},
 *        {@link #SIMILAR}, {@link #GENERIC} (bit 5 is unused: the lexicon format stores the flags from
 *        bit 24 of a word whose bit 29 is the two-hop bit)
 */
public record LinkFeatures(int originalSynonyms, int hops, int flags) {
    /** The original's thesaurus entry lists the observed form (the direction a spinner reads). */
    public static final int DIRECT = 1;
    /** The observed form's own entry lists the original (the link seen from the other side). */
    public static final int INVERSE = 1 << 1;
    /** Moby has the link. */
    public static final int MOBY = 1 << 2;
    /** WordNet has both in one synset. */
    public static final int WORDNET = 1 << 3;
    /** A number word and its digits. */
    public static final int NUMBER = 1 << 4;
    /**
     * WordNet relates the two synsets without making them synonyms: the observed word is in a
     * synset "similar to" the original's (adjectives: "pandemic" for "general") or in its "see also".
     * Thesauri list these next to the synonyms.
     */
    public static final int SIMILAR = 1 << 6;
    /**
     * The observed word is in a WordNet hypernym synset of the original's: the more generic term
     * ("vehicle" for "truck"), which thesauri list as a broader word.
     */
    public static final int GENERIC = 1 << 7;
    /** The flags of a synonym link (as opposed to a related-word link, {@link #SIMILAR} or {@link #GENERIC}). */
    public static final int SYNONYM_FLAGS = DIRECT | INVERSE | WORDNET | NUMBER;
    /** Every flag bit defined; the others must be zero. */
    public static final int ALL_FLAGS = DIRECT | INVERSE | MOBY | WORDNET | NUMBER | SIMILAR | GENERIC;
    /** How {@link #source()} begins for a related-word link ("wordnet-similar", "wordnet-generic"). */
    public static final String RELATED_SOURCE = "wordnet-";
    /** Largest stored {@link #originalSynonyms}. */
    public static final int MAX_SYNONYMS = 0xFFFF;

    public LinkFeatures {
        if (originalSynonyms < 1) {
            throw new IllegalArgumentException("originalSynonyms must be at least 1: " + originalSynonyms);
        }
        if (hops != 1 && hops != 2) {
            throw new IllegalArgumentException("hops must be 1 or 2: " + hops);
        }
        if ((flags & ~ALL_FLAGS) != 0) {
            throw new IllegalArgumentException("unknown flag bits: " + Integer.toBinaryString(flags));
        }
        originalSynonyms = Math.min(originalSynonyms, MAX_SYNONYMS);
    }

    /** Both thesaurus entries list each other. */
    public boolean mutual() {
        return (flags & (DIRECT | INVERSE)) == (DIRECT | INVERSE);
    }

    /** Only the observed word's own entry lists the original: the weakest kind of one-hop link. */
    public boolean inverseOnly() {
        return (flags & (DIRECT | WORDNET | NUMBER)) == 0 && (flags & INVERSE) != 0;
    }

    /** No thesaurus calls the two synonyms, only WordNet relates them ({@link #SIMILAR}, {@link #GENERIC}). */
    public boolean relatedOnly() {
        return (flags & SYNONYM_FLAGS) == 0 && (flags & (SIMILAR | GENERIC)) != 0;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * The thesauri the link comes from, for the evidence: "moby", "wordnet", "moby+wordnet",
     * "number"; a related-word link (no synonym flag) is "wordnet-similar" or "wordnet-generic".
     */
    public String source() {
        return SOURCES.get(flags & SOURCE_FLAGS);
    }

    /** The flags {@link #source()} reads. */
    private static final int SOURCE_FLAGS = MOBY | WORDNET | NUMBER | SIMILAR | GENERIC;
    /** {@link #source()} by those flags, made once: a lexicon asks it for every link it lists. */
    private static final java.util.List<String> SOURCES = java.util.stream.IntStream.rangeClosed(0, SOURCE_FLAGS)
            .mapToObj(LinkFeatures::sourceOf).toList();

    private static String sourceOf(int flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & MOBY) != 0) {
            sb.append("moby");
        }
        if ((flags & WORDNET) != 0) {
            sb.append(sb.length() > 0 ? "+" : "").append("wordnet");
        }
        if ((flags & NUMBER) != 0) {
            sb.append(sb.length() > 0 ? "+" : "").append("number");
        }
        if (sb.length() == 0 && (flags & SIMILAR) != 0) {
            sb.append(RELATED_SOURCE).append("similar");
        } else if (sb.length() == 0 && (flags & GENERIC) != 0) {
            sb.append(RELATED_SOURCE).append("generic");
        }
        return sb.length() == 0 ? "other" : sb.toString();
    }

    /** This link with another thesaurus' evidence for the same pair merged in. */
    public LinkFeatures merge(LinkFeatures other) {
        return new LinkFeatures(Math.max(originalSynonyms, other.originalSynonyms), Math.min(hops, other.hops),
                flags | other.flags);
    }
}

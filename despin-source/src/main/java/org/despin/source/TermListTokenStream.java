package org.despin.source;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Feeds precomputed terms (shingle hashes) to Lucene, so that no analyser has to re-split them. */
final class TermListTokenStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final long[] hashes;
    private int next;

    TermListTokenStream(long[] hashes) {
        this.hashes = hashes;
    }

    @Override
    public boolean incrementToken() {
        if (next >= hashes.length) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(Shingles.term(hashes[next++]));
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }
}

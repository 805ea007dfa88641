package org.despin.data.corpus;

import java.util.List;
import org.despin.DespinException;

/**
 * A corpus of plain running text read from one packaged resource. Reading is deterministic:
 * the same package gives the same documents, with the same ids, in the same order.
 */
public interface Corpus {
    /** The corpus name, as in {@link CorpusDocument#corpus()}. */
    String name();

    /** Every document, held out or not, in a fixed order. */
    List<CorpusDocument> read() throws DespinException;

    /** Where the text comes from, for the model's build metadata. */
    Provenance provenance() throws DespinException;
}

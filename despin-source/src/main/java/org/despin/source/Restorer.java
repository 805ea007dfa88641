package org.despin.source;

import java.util.List;
import org.despin.detect.Finding;

/**
 * Where the fingerprints' "restored text" comes from: the spans the detector would change and
 * their suggestions, with offsets into the given text. A function rather than a dependency on
 * the detector, so that an index can be built and tested without a model, and so that the same
 * restorer can be applied to the indexed sources and to a query (both sides must agree).
 */
public interface Restorer {
    /** The restorer that changes nothing. */
    Restorer IDENTITY = new Restorer() {
        @Override
        public List<Finding> findings(String text) {
            return List.of();
        }

        @Override
        public String name() {
            return "identity";
        }
    };

    /** Findings in input order, non-overlapping, offsets into {@code text}. */
    List<Finding> findings(String text);

    /** A short name stored in the index, so that a query can warn when it restores differently. */
    String name();
}

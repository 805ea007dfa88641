package org.despin.source;

import java.util.List;
import org.despin.detect.Finding;

/**
 * A source as stored in the index.
 *
 * @param id the id it was indexed under (a relative path or a JSONL id)
 * @param text its text, as indexed
 * @param restoration the restorer's findings on it at indexing time (text fields left empty)
 */
public record StoredSource(String id, String text, List<Finding> restoration) {
    /** Its profile, rebuilt exactly as it was at indexing time. */
    public TextProfile profile() {
        return TextProfile.of(text, restoration);
    }
}

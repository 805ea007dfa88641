package org.despin.spin;

import java.util.List;

/**
 * What the spinner produced: the spun text and the changes, in text order, not overlapping.
 *
 * @param spunText the spun text
 * @param edits the changes, with offsets into {@code spunText}
 */
public record SpinResult(String spunText, List<Edit> edits) {
    public SpinResult {
        edits = List.copyOf(edits);
        Alignment.checkEdits(spunText, edits, "spin result");
    }

    /** The input the spinner read: every edit's original put back. */
    public String restore() {
        return Alignment.restore(spunText, edits);
    }
}

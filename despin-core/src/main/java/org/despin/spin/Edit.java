package org.despin.spin;

/**
 * One change the spinner made. Offsets are into the SPUN text (UTF-16 code units, end exclusive),
 * so {@code spunText.substring(start, end).equals(spun)}; putting {@code original} back in place
 * of every edit gives the input again (see {@link SpinResult#restore()}).
 *
 * @param start offset of the replacement in the spun text
 * @param end offset after the replacement
 * @param spun the text the spinner wrote
 * @param original the input text it replaced
 */
public record Edit(int start, int end, String spun, String original) {
    public Edit {
        if (start < 0 || end < start || spun.length() != end - start) {
            throw new IllegalArgumentException("bad edit offsets " + start + ".." + end + " for '" + spun + "'");
        }
    }
}

package org.despin.source;

import java.util.ArrayList;
import java.util.List;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.text.Normalizer;

/**
 * Restores a spun text from its source: wherever an aligned passage pairs a query word with a
 * different source word (a substituted slot, or a word the restorer changed), the source's word
 * is the restoration. The evidence names the source and the offset in it, so a reader can check.
 *
 * <pre>{@code
 * SourceMatch best = finder.find(text, 1).get(0);
 * List<Finding> findings = SourceGuidedRestorer.restore(text, best);
 * }</pre>
 */
public final class SourceGuidedRestorer {
    private SourceGuidedRestorer() {
    }

    /**
     * The restorations the source supports, in input order. The confidence of each is the share
     * of its passage's tokens that match the source (a passage that mostly matches makes its
     * substituted slots trustworthy).
     */
    public static List<Finding> restore(String query, SourceMatch match) {
        String source = match.source().text();
        List<Finding> out = new ArrayList<>();
        for (Passage p : match.passages()) {
            double confidence = Math.min(0.99, p.density());
            int lastQueryStart = -1;
            for (Slot s : p.slots()) {
                if (s.queryStart() == s.queryEnd() || s.sourceStart() == s.sourceEnd() || s.queryStart() == lastQueryStart) {
                    continue; // insertion, deletion, or another word of a multi-word restoration already taken
                }
                String observed = query.substring(s.queryStart(), s.queryEnd());
                String original = source.substring(s.sourceStart(), s.sourceEnd());
                if (Normalizer.lmForm(observed).equals(Normalizer.lmForm(original))) {
                    continue;
                }
                lastQueryStart = s.queryStart();
                out.add(new Finding(s.queryStart(), s.queryEnd(), observed, recase(original, observed), confidence,
                        List.of(), "source " + match.id() + " at " + s.sourceStart()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::start));
        return removeOverlaps(out);
    }

    /**
     * The detector's report with the source's restorations in place: where a source finding
     * overlaps a detector finding the source wins (it is evidence, not a guess); detector
     * findings outside the aligned passages stay. Verdict and spin score are the detector's.
     */
    public static Report merge(String query, Report report, SourceMatch match) {
        List<Finding> fromSource = restore(query, match);
        List<Finding> merged = new ArrayList<>(fromSource);
        for (Finding f : report.findings()) {
            boolean overlaps = false;
            for (Finding s : fromSource) {
                if (f.start() < s.end() && s.start() < f.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps && !insideAPassage(f, match)) {
                merged.add(f);
            }
        }
        merged.sort(java.util.Comparator.comparingInt(Finding::start));
        return new Report(report.verdict(), report.spinScore(), report.tokens(), merged, apply(query, merged));
    }

    /** {@code query} with every finding's suggestion in place. */
    public static String apply(String query, List<Finding> findings) {
        StringBuilder sb = new StringBuilder(query.length() + 16);
        int at = 0;
        for (Finding f : findings) {
            sb.append(query, at, f.start()).append(f.suggestion());
            at = f.end();
        }
        return sb.append(query, at, query.length()).toString();
    }

    /**
     * A detector finding inside an aligned passage that the source did not confirm is dropped:
     * the source shows the word was there all along.
     */
    private static boolean insideAPassage(Finding f, SourceMatch match) {
        for (Passage p : match.passages()) {
            if (p.queryStart() <= f.start() && f.end() <= p.queryEnd()) {
                return true;
            }
        }
        return false;
    }

    /** The source's wording, capitalised like the query where the source has no capital of its own. */
    private static String recase(String original, String observed) {
        if (Normalizer.casing(original) == Normalizer.Casing.LOWER
                && Normalizer.casing(observed) == Normalizer.Casing.TITLE) {
            return Normalizer.applyCasing(original, Normalizer.Casing.TITLE);
        }
        return original;
    }

    private static List<Finding> removeOverlaps(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>(sorted.size());
        int end = -1;
        for (Finding f : sorted) {
            if (f.start() >= end) {
                out.add(f);
                end = f.end();
            }
        }
        return out;
    }
}

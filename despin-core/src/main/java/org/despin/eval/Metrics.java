package org.despin.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.despin.detect.Finding;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.spin.Edit;
import org.despin.text.Document;
import org.despin.text.Token;
import org.despin.text.TokenType;

/**
 * The evaluation metrics of ARCHITECTURE.md, as pure functions of a spun text, its gold edits
 * (from the spinner) and the detector's findings. Stateless.
 *
 * <p>Definitions:
 * <ul>
 * <li><b>Tokens</b> are the {@link TokenType#WORD} and {@link TokenType#NUMBER} tokens of
 *     {@code Document.parse(spunText)} (punctuation and compound hyphens do not count).</li>
 * <li>A token is <b>substituted</b> when its character range overlaps a gold edit's range by at
 *     least one character, and <b>flagged</b> when it overlaps a finding's range by at least one
 *     character (ranges half-open, UTF-16 offsets into the spun text).</li>
 * <li><b>Span precision/recall/F1</b> are computed on these token sets ({@link SpanCounts}),
 *     micro-averaged (counts summed over documents before dividing).</li>
 * <li>An edit is <b>restored exactly</b> when, in the smallest region holding the edit and
 *     every finding and gold edit chained to it by overlap, putting the findings' suggestions in
 *     place gives the same text as putting the gold originals in place, compared
 *     case-insensitively with runs of whitespace taken as one space. When a finding covers
 *     exactly one edit, this is: the finding's suggestion equals the edit's original, ignoring
 *     case. A finding that also covers unchanged words must leave them as they were.</li>
 * <li><b>AUROC</b> is the Mann-Whitney probability that a spun document scores above a clean
 *     one, ties counted one half, computed exactly (no interpolation).</li>
 * <li><b>Verdict F1</b>: spun documents are the positives; a {@link Verdict#SPUN} verdict is a
 *     positive call; {@link Verdict#UNCERTAIN} and {@link Verdict#CLEAN} are negative calls.</li>
 * </ul>
 */
public final class Metrics {
    private Metrics() {
    }

    /** Token-level confusion counts of {@code findings} against {@code gold} on {@code spunText}. */
    public static SpanCounts spanCounts(String spunText, List<Edit> gold, List<Finding> findings) {
        List<int[]> goldRanges = new ArrayList<>(gold.size());
        for (Edit e : gold) {
            goldRanges.add(new int[] {e.start(), e.end()});
        }
        List<int[]> flagged = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            flagged.add(new int[] {f.start(), f.end()});
        }
        goldRanges.sort(Comparator.comparingInt(r -> r[0]));
        flagged.sort(Comparator.comparingInt(r -> r[0]));
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (Token t : Document.parse(spunText).tokens()) {
            if (t.type() != TokenType.WORD && t.type() != TokenType.NUMBER) {
                continue;
            }
            boolean g = overlapsAny(goldRanges, t.start(), t.end());
            boolean f = overlapsAny(flagged, t.start(), t.end());
            if (g && f) {
                tp++;
            } else if (f) {
                fp++;
            } else if (g) {
                fn++;
            } else {
                tn++;
            }
        }
        return new SpanCounts(tp, fp, fn, tn);
    }

    private static boolean overlapsAny(List<int[]> sortedRanges, int start, int end) {
        // ranges are few per document; a linear scan that stops past the token is fast enough
        for (int[] r : sortedRanges) {
            if (r[0] >= end) {
                return false;
            }
            if (r[1] > start) {
                return true;
            }
        }
        return false;
    }

    /** How many of {@code gold} the findings restore exactly (see the class comment). */
    public static int exactRestorations(String spunText, List<Edit> gold, List<Finding> findings) {
        List<Edit> edits = new ArrayList<>(gold);
        edits.sort(Comparator.comparingInt(Edit::start));
        List<Finding> flags = nonOverlapping(findings);
        int exact = 0;
        int e = 0;
        int f = 0;
        while (e < edits.size()) {
            // grow a region from the next edit over everything chained to it by overlap
            int regionStart = edits.get(e).start();
            int regionEnd = edits.get(e).end();
            int firstEdit = e;
            int firstFlag = f;
            while (f < flags.size() && flags.get(f).end() <= regionStart) {
                firstFlag = ++f;
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                while (e < edits.size() && edits.get(e).start() < regionEnd) {
                    regionStart = Math.min(regionStart, edits.get(e).start());
                    regionEnd = Math.max(regionEnd, edits.get(e).end());
                    e++;
                    grew = true;
                }
                while (f < flags.size() && flags.get(f).start() < regionEnd) {
                    if (flags.get(f).end() > regionStart) {
                        regionStart = Math.min(regionStart, flags.get(f).start());
                        regionEnd = Math.max(regionEnd, flags.get(f).end());
                        grew = true;
                    }
                    f++;
                }
            }
            List<Edit> regionEdits = edits.subList(firstEdit, e);
            List<Finding> regionFlags = flags.subList(firstFlag, f);
            if (!regionFlags.isEmpty()) {
                String byGold = replace(spunText, regionStart, regionEnd, regionEdits.stream()
                        .map(x -> new int[] {x.start(), x.end()}).toList(), regionEdits.stream().map(Edit::original).toList());
                String byFlags = replace(spunText, regionStart, regionEnd, regionFlags.stream()
                        .map(x -> new int[] {x.start(), x.end()}).toList(), regionFlags.stream().map(Finding::suggestion).toList());
                if (comparable(byGold).equals(comparable(byFlags))) {
                    exact += regionEdits.size();
                }
            }
        }
        return exact;
    }

    private static List<Finding> nonOverlapping(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::start));
        List<Finding> out = new ArrayList<>(sorted.size());
        int lastEnd = Integer.MIN_VALUE;
        for (Finding x : sorted) {
            if (x.start() >= lastEnd) {
                out.add(x);
                lastEnd = x.end();
            }
        }
        return out;
    }

    private static String replace(String text, int from, int to, List<int[]> ranges, List<String> replacements) {
        StringBuilder sb = new StringBuilder(to - from + 16);
        int at = from;
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            sb.append(text, at, Math.max(at, r[0])).append(replacements.get(i));
            at = Math.max(at, r[1]);
        }
        return sb.append(text, Math.min(at, to), to).toString();
    }

    private static String comparable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Exact AUROC (Mann-Whitney U over all pairs, ties one half) of positive versus negative scores. */
    public static double auroc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("AUROC needs at least one positive and one negative score");
        }
        int n = positives.length + negatives.length;
        double[][] all = new double[n][];
        for (int i = 0; i < positives.length; i++) {
            all[i] = new double[] {positives[i], 1};
        }
        for (int i = 0; i < negatives.length; i++) {
            all[positives.length + i] = new double[] {negatives[i], 0};
        }
        Arrays.sort(all, Comparator.comparingDouble(a -> a[0]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based; ties share their mean rank
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double p = positives.length;
        double u = positiveRankSum - p * (p + 1) / 2;
        return u / (p * negatives.length);
    }

    /** F1 of the verdict: {@code spunVerdicts} of the spun documents, {@code cleanVerdicts} of the clean ones. */
    public static double verdictF1(List<Verdict> spunVerdicts, List<Verdict> cleanVerdicts) {
        long tp = spunVerdicts.stream().filter(v -> v == Verdict.SPUN).count();
        long fn = spunVerdicts.size() - tp;
        long fp = cleanVerdicts.stream().filter(v -> v == Verdict.SPUN).count();
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        return f1(precision, recall);
    }

    /** Share of {@code verdicts} that are {@link Verdict#SPUN}; 0 for none. */
    public static double calledSpun(List<Verdict> verdicts) {
        return share(verdicts, Verdict.SPUN);
    }

    /** Share of {@code verdicts} equal to {@code verdict}; 0 for none. */
    public static double share(List<Verdict> verdicts, Verdict verdict) {
        return verdicts.isEmpty() ? 0.0 : (double) verdicts.stream().filter(v -> v == verdict).count() / verdicts.size();
    }

    /** Findings per 100 words. */
    public static double per100Words(long findings, long words) {
        return words == 0 ? 0.0 : 100.0 * findings / words;
    }

    /** The findings of {@code report} with confidence at least {@code threshold}. */
    public static List<Finding> atLeast(Report report, double threshold) {
        List<Finding> out = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            if (f.confidence() >= threshold) {
                out.add(f);
            }
        }
        return out;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}

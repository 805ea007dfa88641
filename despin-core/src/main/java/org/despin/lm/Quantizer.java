package org.despin.lm;

import java.util.Arrays;

/**
 * Maps the values of one field of one order to a small codebook: sorted values cut into bins,
 * each bin represented by the mean of its values. Half the bin edges are quantiles (equal
 * population, KenLM's quantisation) and half are evenly spaced over the range of values: with
 * quantiles alone the few values near 0 (near-certain words) share one wide bin, and a
 * log-probability of -0.02 was stored as -0.23, which matters when the detector compares single
 * tokens; the even edges bound every bin's width. With {@code bits}
 * = 32 the float bits are stored as they are. For back-off weights bin 0 is reserved for exactly
 * 0, which the trie uses to see that a context adds nothing.
 */
final class Quantizer {
    static final int RAW = 32;

    final int bits;
    final float[] centres; // empty when raw
    private final boolean reservedZero;

    private Quantizer(int bits, float[] centres, boolean reservedZero) {
        this.bits = bits;
        this.centres = centres;
        this.reservedZero = reservedZero;
    }

    static Quantizer build(float[] values, int count, int bits, boolean reserveZero) {
        if (bits == RAW) {
            return new Quantizer(RAW, new float[0], false);
        }
        int bins = 1 << bits;
        float[] sorted = new float[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (!(reserveZero && values[i] == 0f)) {
                sorted[m++] = values[i];
            }
        }
        sorted = Arrays.copyOf(sorted, m);
        Arrays.sort(sorted);
        int first = reserveZero ? 1 : 0;
        int available = bins - first;
        // distinct values: when few, keep them exactly
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        float[] c;
        if (distinct <= available) {
            c = new float[first + distinct];
            int k = first;
            for (int i = 0; i < m; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    c[k++] = sorted[i];
                }
            }
        } else {
            c = mixedBins(sorted, available, first);
        }
        if (c.length == 0) {
            c = new float[] {0f};
        }
        return new Quantizer(bits, c, reserveZero);
    }

    /** The code of {@code v}: the nearest centre (or the raw float bits). */
    long encode(float v) {
        if (bits == RAW) {
            return Float.floatToRawIntBits(v) & 0xFFFFFFFFL;
        }
        if (reservedZero && v == 0f) {
            return 0;
        }
        int first = reservedZero && centres.length > 1 ? 1 : 0;
        // centres[first..] ascending: find the first centre >= v, then take the nearer neighbour
        int lo = first;
        int hi = centres.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (centres[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == centres.length) {
            return centres.length - 1;
        }
        if (lo > first && v - centres[lo - 1] <= centres[lo] - v) {
            return lo - 1;
        }
        return lo;
    }

    /** Centres of bins whose edges are half quantiles and half evenly spaced; at most {@code available} + first. */
    private static float[] mixedBins(float[] sorted, int available, int first) {
        int m = sorted.length;
        int popBins = available / 2;
        int evenBins = available - popBins;
        // the range of the even edges ignores the rarest 0.1 % at the bottom (e.g. <s> at -99)
        double lo = sorted[(int) Math.min(m - 1, (long) m / 1000)];
        double hi = sorted[m - 1];
        double[] edges = new double[popBins - 1 + evenBins - 1];
        int e = 0;
        for (int b = 1; b < popBins; b++) {
            edges[e++] = sorted[(int) ((long) m * b / popBins)];
        }
        for (int b = 1; b < evenBins; b++) {
            edges[e++] = lo + (hi - lo) * b / evenBins;
        }
        Arrays.sort(edges);
        float[] c = new float[first + available];
        int k = first;
        int i = 0;
        for (int b = 0; b <= edges.length && i < m; b++) {
            double upper = b < edges.length ? edges[b] : Double.POSITIVE_INFINITY;
            double sum = 0;
            int n = 0;
            while (i < m && (sorted[i] < upper || b == edges.length)) {
                sum += sorted[i++];
                n++;
            }
            if (n > 0) {
                c[k++] = (float) (sum / n);
            }
        }
        c = Arrays.copyOf(c, k);
        Arrays.sort(c, first, k);
        return c;
    }
}

package org.despin.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.despin.lm.build.SortedFloats;

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
        try {
            return build(SortedFloats.of(values, count), bits, reserveZero);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the values are in memory
        }
    }

    /**
     * The codebook of values given in ascending order, read in up to three passes (so the values of
     * an order can stay on disk); the same codebook as for the same values in an array.
     */
    static Quantizer build(SortedFloats values, int bits, boolean reserveZero) throws IOException {
        if (bits == RAW) {
            return new Quantizer(RAW, new float[0], false);
        }
        int bins = 1 << bits;
        int first = reserveZero ? 1 : 0;
        int available = bins - first;
        // pass 1: how many values, and the distinct ones while they are few (then they are kept exactly)
        long m = 0;
        int distinct = 0;
        float[] few = new float[available + 1];
        try (Kept v = new Kept(values.open(), reserveZero)) {
            float last = Float.NaN;
            while (v.next()) {
                float x = v.value();
                if (m == 0 || x != last) {
                    if (distinct <= available) {
                        few[distinct] = x;
                    }
                    distinct++;
                }
                last = x;
                m++;
            }
        }
        float[] c;
        if (distinct <= available) {
            c = new float[first + distinct];
            System.arraycopy(few, 0, c, first, distinct);
        } else {
            c = mixedBins(values, reserveZero, m, available, first);
        }
        if (c.length == 0) {
            c = new float[] {0f};
        }
        return new Quantizer(bits, c, reserveZero);
    }

    /** The values without the reserved zero. */
    private static final class Kept implements AutoCloseable {
        private final SortedFloats.Cursor cursor;
        private final boolean skipZero;

        Kept(SortedFloats.Cursor cursor, boolean skipZero) {
            this.cursor = cursor;
            this.skipZero = skipZero;
        }

        boolean next() throws IOException {
            while (cursor.next()) {
                if (!(skipZero && cursor.value() == 0f)) {
                    return true;
                }
            }
            return false;
        }

        float value() {
            return cursor.value();
        }

        @Override
        public void close() throws IOException {
            cursor.close();
        }
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
    private static float[] mixedBins(SortedFloats values, boolean reserveZero, long m, int available, int first)
            throws IOException {
        int popBins = available / 2;
        int evenBins = available - popBins;
        // pass 2: the values at the ranks that make edges. The range of the even edges ignores the
        // rarest 0.1 % at the bottom (e.g. <s> at -99)
        long[] ranks = new long[popBins + 1];
        ranks[0] = Math.min(m - 1, m / 1000);
        for (int b = 1; b < popBins; b++) {
            ranks[b] = m * b / popBins;
        }
        ranks[popBins] = m - 1;
        double[] at = new double[ranks.length];
        Integer[] byRank = new Integer[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            byRank[i] = i;
        }
        Arrays.sort(byRank, (x, y) -> Long.compare(ranks[x], ranks[y]));
        try (Kept v = new Kept(values.open(), reserveZero)) {
            long rank = -1;
            for (int i : byRank) {
                while (rank < ranks[i]) {
                    v.next();
                    rank++;
                }
                at[i] = v.value();
            }
        }
        double lo = at[0];
        double hi = at[popBins];
        double[] edges = new double[popBins - 1 + evenBins - 1];
        int e = 0;
        for (int b = 1; b < popBins; b++) {
            edges[e++] = at[b];
        }
        for (int b = 1; b < evenBins; b++) {
            edges[e++] = lo + (hi - lo) * b / evenBins;
        }
        Arrays.sort(edges);
        // pass 3: each bin's centre is the mean of its values, summed in ascending order
        float[] c = new float[first + available];
        int k = first;
        try (Kept v = new Kept(values.open(), reserveZero)) {
            boolean more = v.next();
            for (int b = 0; b <= edges.length && more; b++) {
                double upper = b < edges.length ? edges[b] : Double.POSITIVE_INFINITY;
                double sum = 0;
                int n = 0;
                while (more && (v.value() < upper || b == edges.length)) {
                    sum += v.value();
                    n++;
                    more = v.next();
                }
                if (n > 0) {
                    c[k++] = (float) (sum / n);
                }
            }
        }
        c = Arrays.copyOf(c, k);
        Arrays.sort(c, first, k);
        return c;
    }
}

package org.despin.lm;

import java.util.Arrays;

/**
 * Maps the values of one field of one order to a small codebook (KenLM's quantisation): sorted
 * values cut into bins of equal population, each bin represented by its mean. With {@code bits}
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
            c = new float[bins];
            for (int b = 0; b < available; b++) {
                int from = (int) ((long) m * b / available);
                int to = (int) ((long) m * (b + 1) / available);
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += sorted[i];
                }
                c[first + b] = to > from ? (float) (sum / (to - from)) : sorted[Math.min(from, m - 1)];
            }
            Arrays.sort(c, first, c.length);
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
}

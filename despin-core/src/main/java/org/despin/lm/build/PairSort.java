package org.despin.lm.build;

/** Sorts parallel primitive arrays by a long key without boxing. */
final class PairSort {
    private PairSort() {
    }

    /** Sorts {@code keys[0..n)} ascending, permuting {@code values} alongside. */
    static void sort(long[] keys, int[] values, int n) {
        quicksort(keys, values, 0, n - 1);
    }

    private static void quicksort(long[] k, int[] v, int lo, int hi) {
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            if (k[mid] < k[lo]) {
                swap(k, v, mid, lo);
            }
            if (k[hi] < k[lo]) {
                swap(k, v, hi, lo);
            }
            if (k[hi] < k[mid]) {
                swap(k, v, hi, mid);
            }
            long pivot = k[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pivot) {
                    i++;
                }
                while (k[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(k, v, i, j);
                    i++;
                    j--;
                }
            }
            // recurse into the smaller half, loop on the larger: bounded stack depth
            if (j - lo < hi - i) {
                quicksort(k, v, lo, j);
                lo = i;
            } else {
                quicksort(k, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long key = k[i];
            int val = v[i];
            int j = i - 1;
            while (j >= lo && k[j] > key) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = key;
            v[j + 1] = val;
        }
    }

    private static void swap(long[] k, int[] v, int a, int b) {
        long t = k[a];
        k[a] = k[b];
        k[b] = t;
        int u = v[a];
        v[a] = v[b];
        v[b] = u;
    }
}

package org.despin.lm.build;

/** A stable merge sort of an int array (indexes) by a primitive comparison: no boxing. */
public final class IndexSort {
    private IndexSort() {
    }

    /** Compares two indexes. */
    @FunctionalInterface
    public interface Order {
        int compare(int a, int b);
    }

    /** Sorts {@code a} stably by {@code order}. */
    public static void sort(int[] a, Order order) {
        mergeSort(a, new int[a.length], 0, a.length, order);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, Order order) {
        if (to - from < 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && order.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, order);
        mergeSort(a, tmp, mid, to, order);
        if (order.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = order.compare(tmp[i], tmp[j]) <= 0 ? tmp[i++] : tmp[j++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }
}

package org.despin.lm.build;

import java.io.IOException;

/** Floats in ascending order ({@link Float#compare}), readable more than once: a quantiser's input. */
public interface SortedFloats {
    /** A cursor over the values from the smallest. */
    Cursor open() throws IOException;

    /** One pass over the values. */
    interface Cursor extends AutoCloseable {
        /** Moves to the next value; false at the end. */
        boolean next() throws IOException;

        /** The current value. */
        float value();

        @Override
        void close() throws IOException;
    }

    /** Sorted values held in an array (sorted here). */
    static SortedFloats of(float[] values, int count) {
        float[] sorted = java.util.Arrays.copyOf(values, count);
        java.util.Arrays.sort(sorted);
        return () -> new Cursor() {
            private int i = -1;

            @Override
            public boolean next() {
                return ++i < sorted.length;
            }

            @Override
            public float value() {
                return sorted[i];
            }

            @Override
            public void close() {
            }
        };
    }
}

package org.despin.eval;

import java.util.List;

/**
 * What {@link Bench} measures.
 *
 * @param rates spin rates, each in (0, 1]
 * @param seeds spinner seeds; every clean document is spun once per rate and seed
 * @param thresholds confidence thresholds for the precision/recall table, each in [0, 1]
 */
public record BenchOptions(List<Double> rates, List<Long> seeds, List<Double> thresholds) {
    /** Rates 0.05, 0.1, 0.2, 0.3, 0.4; seeds 1 and 2; thresholds 0.1 to 0.9 and 0.95, 0.99. */
    public static final BenchOptions DEFAULTS = new BenchOptions(List.of(0.05, 0.1, 0.2, 0.3, 0.4), List.of(1L, 2L),
            List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99));

    public BenchOptions {
        rates = List.copyOf(rates);
        seeds = List.copyOf(seeds);
        thresholds = List.copyOf(thresholds);
        if (rates.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("the bench needs at least one rate and one seed");
        }
        for (double r : rates) {
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("spin rate must be in (0, 1], got " + r);
            }
        }
        for (double t : thresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("confidence threshold must be in [0, 1], got " + t);
            }
        }
    }
}

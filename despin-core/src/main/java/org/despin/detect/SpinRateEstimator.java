package org.despin.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-estimates the spin rate of one document by EM over the decode, and finds originals that
 * several different observed forms map to.
 *
 * <p>E-step: decode every lattice with the current rate r; the expected number of substitutions is
 * the sum of the substitution arcs' posteriors. M-step: the MAP rate under a Beta prior centred on
 * the caller's prior, r = (E + a - 1) / (N + a + b - 2), N = words a spinner could have replaced. A
 * clean text has few likely substitutions, so r falls and with it every substitution's weight
 * (log r): its last few flags fade. A spun text keeps a high rate and its flags.
 *
 * <p>Variants: when distinct observed forms ("secretary-common", "secretary-basic") are both read
 * as the same original in one document, that is unlikely by chance and likely for a spinner that
 * draws a fresh synonym each time; those originals get {@code variantBonus} in the next decode.
 */
final class SpinRateEstimator {
    /** Posterior above which a substitution counts as seen when looking for variants. */
    private static final double VARIANT_POSTERIOR = 0.3;
    private static final double MAX_RATE = 0.8;

    /** The outcome: the final rate, the final decodes (one per lattice), the reinforced originals. */
    record Estimate(double rate, double expectedSubstitutions, List<Decoder.Decoded> decodings,
            Map<String, Set<String>> variants) {
    }

    private final DetectorSettings settings;

    SpinRateEstimator(DetectorSettings settings) {
        this.settings = settings;
    }

    Estimate estimate(LatticeBuilder.Result lattices, double priorRate, Decoder decoder) {
        double a = priorRate * settings.priorStrength() + 1;
        double b = (1 - priorRate) * settings.priorStrength() + 1;
        double r = priorRate;
        Map<String, Set<String>> variants = Map.of();
        List<Decoder.Decoded> decoded = List.of();
        double expected = 0;
        for (int iteration = 0; ; iteration++) {
            decoded = decodeAll(lattices.lattices(), r, variants, decoder);
            expected = expectedSubstitutions(lattices.lattices(), decoded);
            if (iteration == settings.emIterations()) {
                break;
            }
            r = (expected + a - 1) / (lattices.eligibleWords() + a + b - 2);
            r = Math.max(settings.minSpinRate(), Math.min(MAX_RATE, r));
            variants = variants(lattices.lattices(), decoded);
        }
        return new Estimate(r, expected, decoded, variants);
    }

    /** Decodes other lattices of the same document (a refined set) with an estimate's rate and variants. */
    Estimate decodeAgain(List<Lattice> lattices, Estimate estimate, Decoder decoder) {
        List<Decoder.Decoded> decoded = decodeAll(lattices, estimate.rate(), estimate.variants(), decoder);
        return new Estimate(estimate.rate(), expectedSubstitutions(lattices, decoded), decoded, estimate.variants());
    }

    /**
     * {@link #decodeAgain} of lattices some of which are the very lattices {@code before} whose decodes the
     * estimate holds: those decodes are taken as they are (the same lattice, rate and variants decode the
     * same), only the others are decoded (a widening that added nothing to most sentences).
     */
    Estimate decodeChanged(List<Lattice> before, List<Lattice> lattices, Estimate estimate, Decoder decoder) {
        Map<Lattice, Decoder.Decoded> known = new java.util.IdentityHashMap<>();
        for (int l = 0; l < before.size(); l++) {
            known.put(before.get(l), estimate.decodings().get(l));
        }
        List<Decoder.Decoded> decoded = new ArrayList<>(lattices.size());
        for (Lattice lattice : lattices) {
            Decoder.Decoded d = known.get(lattice);
            decoded.add(d != null ? d : decodeAll(List.of(lattice), estimate.rate(), estimate.variants(), decoder).get(0));
        }
        return new Estimate(estimate.rate(), expectedSubstitutions(lattices, decoded), decoded, estimate.variants());
    }

    private List<Decoder.Decoded> decodeAll(List<Lattice> lattices, double r, Map<String, Set<String>> variants,
            Decoder decoder) {
        double keep = Math.log1p(-r);
        double substitute = Math.log(r);
        List<Decoder.Decoded> out = new ArrayList<>(lattices.size());
        for (Lattice lattice : lattices) {
            Arc[] arcs = lattice.arcs;
            double[] w = new double[arcs.length];
            for (int i = 0; i < arcs.length; i++) {
                Arc arc = arcs[i];
                if (arc.isKeep()) {
                    w[i] = arc.fixedWeight() + arc.eligibleWords() * keep;
                } else {
                    w[i] = arc.fixedWeight() + substitute;
                    Set<String> forms = variants.get(arc.candidate().original());
                    if (forms != null && forms.size() > 1) {
                        w[i] += settings.variantBonus();
                    }
                }
            }
            out.add(decoder.decode(lattice, w));
        }
        return out;
    }

    private static double expectedSubstitutions(List<Lattice> lattices, List<Decoder.Decoded> decoded) {
        double sum = 0;
        for (int l = 0; l < lattices.size(); l++) {
            Arc[] arcs = lattices.get(l).arcs;
            double[] p = decoded.get(l).posterior();
            for (int i = 0; i < arcs.length; i++) {
                if (!arcs[i].isKeep()) {
                    sum += p[i];
                }
            }
        }
        return sum;
    }

    /** Originals read from two or more distinct observed forms, with those forms. */
    static Map<String, Set<String>> variants(List<Lattice> lattices, List<Decoder.Decoded> decoded) {
        Map<String, Set<String>> forms = new HashMap<>();
        for (int l = 0; l < lattices.size(); l++) {
            Lattice lattice = lattices.get(l);
            double[] p = decoded.get(l).posterior();
            for (int i = 0; i < lattice.arcs.length; i++) {
                Arc arc = lattice.arcs[i];
                if (!arc.isKeep() && p[i] >= VARIANT_POSTERIOR) {
                    forms.computeIfAbsent(arc.candidate().original(), k -> new HashSet<>())
                            .add(lattice.observed(arc.from(), arc.to()));
                }
            }
        }
        forms.values().removeIf(s -> s.size() < 2);
        return forms;
    }
}

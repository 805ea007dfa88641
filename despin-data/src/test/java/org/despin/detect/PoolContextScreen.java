package org.despin.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;

/**
 * Pool rules chosen in context, counted (DetectorEvaluation mode {@code poolctx N}, the passages and
 * seeds of {@code spun}): for every one-word span of the spun text, every candidate of the span's
 * whole list (no pool cut) with its rank by prior, whether its first word and the word before the
 * span are a stored bigram (L), whether its last word and the word after the span are (R), and
 * whether it passes the evidence gate in the observed context. A rule takes the best {@code K} by
 * prior, then candidates of ranks K..M with the rule's context signal, by prior, until it holds
 * {@code P}; counted: evidence tests (the pool's size), signal checks, gate-passing candidates in
 * the pool, and the edits' originals in the pool and passing the gate.
 */
final class PoolContextScreen {
    /** A pool rule: always the best k by prior; then ranks k..m with the signal, up to p in all. */
    record Rule(String name, int k, int m, int p, int signal) {
        static final int NONE = 0;
        static final int LEFT = 1;
        static final int RIGHT = 2;
        static final int EITHER = 3;
    }

    private static final String[] SIGNALS = {"-", "L", "R", "L|R"};

    static void run(Detector detector, SpinThesaurus thesaurus, List<String> passages) throws Exception {
        LanguageModel lm = detector.model().lm();
        CandidateTable uncapped = new CandidateTable(detector.model().lexicon(), lm,
                detector.settings().with().candidatePool(100_000).build());
        Evidence evidence = new Evidence(lm);
        double gate = detector.settings().evidenceGate();
        List<Rule> rules = new ArrayList<>();
        for (int p : new int[] {8, 16, 24, 32, 48, 64}) {
            rules.add(new Rule("prior " + p, p, p, p, Rule.NONE));
        }
        for (int signal = 1; signal <= 3; signal++) {
            for (int[] kmp : new int[][] {{16, 64, 32}, {16, 150, 32}, {16, 64, 24}, {8, 64, 24}, {8, 64, 16}, {12, 48, 20},
                    {0, 32, 32}, {0, 64, 32}, {0, 64, 24}, {0, 150, 32}, {4, 64, 24}, {8, 150, 32}, {16, 48, 24}}) {
                rules.add(new Rule(String.format(Locale.ROOT, "k %d m %d p %d %s", kmp[0], kmp[1], kmp[2], SIGNALS[signal]),
                        kmp[0], kmp[1], kmp[2], signal));
            }
        }
        // key rules: the best k by prior, then the best by prior + ln10 * (bigram PMI left + right) among ranks < m, p in all
        // fourth number: 3 both sides, 1 left only, 2 right only
        int[][] keyRules = {{0, 64, 16, 3}, {0, 64, 24, 3}, {0, 64, 32, 3}, {0, 150, 16, 3}, {0, 150, 24, 3}, {0, 150, 32, 3},
                {8, 64, 16, 3}, {8, 64, 24, 3}, {16, 64, 24, 3}, {16, 64, 32, 3}, {0, 48, 16, 3}, {0, 48, 24, 3}, {0, 40, 16, 3},
                {0, 40, 24, 3}, {0, 32, 24, 3}, {0, 32, 16, 3}, {0, 24, 16, 3}, {0, 64, 16, 1}, {0, 64, 16, 2}, {0, 48, 16, 1},
                {0, 48, 16, 2}, {0, 64, 24, 1}, {0, 64, 24, 2}, {8, 48, 16, 3}, {4, 48, 16, 3}};
        long[] keyTests = new long[keyRules.length];
        long[] keyPassing = new long[keyRules.length];
        long[] keyTarget = new long[keyRules.length];
        long[] keyTargetPassing = new long[keyRules.length];
        long[] nanos = new long[3];
        long timed = 0;
        LmState leftWord = lm.newState();
        LmState empty = lm.newState();
        lm.emptyContext(empty);
        long[] tests = new long[rules.size()];
        long[] checks = new long[rules.size()];
        long[] passingIn = new long[rules.size()];
        long[] targetIn = new long[rules.size()];
        long[] targetInPassing = new long[rules.size()];
        // by rank bucket x signal class (0 none, 1 L only, 2 R only, 3 both): candidates, passing, targets, passing targets
        int[] bucketEdges = {0, 8, 16, 24, 32, 48, 64, 100, 151};
        long[][][] table = new long[bucketEdges.length - 1][4][4];
        long spans = 0;
        long targets = 0;
        LmState left = lm.newState();
        LmState tmp = lm.newState();
        int seed = 0;
        for (String passage : passages) {
            SpinResult s = new Spinner(thesaurus, SpinOptions.of(0.3, ++seed)).spin(passage);
            Detector.Trace t = detector.trace(s.spunText(), CheckOptions.DEFAULTS);
            for (Lattice lattice : t.lattices()) {
                int n = lattice.size();
                // the edits' originals at one-word spans of this lattice
                String[] original = new String[n];
                for (Edit e : s.edits()) {
                    int from = -1;
                    int to = -1;
                    for (int k = 0; k < n; k++) {
                        org.despin.text.Token tok = t.doc().tokens().get(lattice.tokenIndex[k]);
                        if (tok.start() < e.end() && e.start() < tok.end()) {
                            from = from < 0 ? k : from;
                            to = k + 1;
                        }
                    }
                    if (from >= 0 && to == from + 1) {
                        original[from] = ErrorAnalysis.normal(e.original());
                    }
                }
                evidence.sentence(lattice.ids, lattice.ids);
                lm.beginSentence(left);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        lm.score(left, lattice.ids[i - 1], left);
                    }
                    PreparedCandidate[] cands = uncapped.candidates(lattice.normal[i]);
                    if (cands.length == 0) {
                        continue;
                    }
                    spans++;
                    float obsContext = evidence.inContext(i, i + 1, null);
                    float obsPartial = evidence.partial();
                    float obsIntrinsic = evidence.observedIntrinsic(i, i + 1);
                    int right = i + 1 < n ? lattice.ids[i + 1] : org.despin.lm.Vocabulary.END_SENTENCE;
                    int[] signal = new int[cands.length];
                    boolean[] passes = new boolean[cands.length];
                    int target = -1;
                    for (int c = 0; c < cands.length; c++) {
                        int[] ids = cands[c].ids();
                        boolean l = lm.matchedOrder(left, ids[0]) >= 2;
                        lm.emptyContext(tmp);
                        lm.score(tmp, ids[ids.length - 1], tmp);
                        boolean r = lm.matchedOrder(tmp, right) >= 2;
                        signal[c] = (l ? 1 : 0) | (r ? 2 : 0);
                        passes[c] = evidence.gain(i, i + 1, cands[c], obsContext, obsPartial, obsIntrinsic,
                                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY) >= gate;
                        if (cands[c].original().equals(original[i])) {
                            target = c;
                        }
                        int b = 0;
                        while (c >= bucketEdges[b + 1]) {
                            b++;
                        }
                        long[] cell = table[b][signal[c]];
                        cell[0]++;
                        cell[1] += passes[c] ? 1 : 0;
                        cell[2] += c == target ? 1 : 0;
                        cell[3] += c == target && passes[c] ? 1 : 0;
                    }
                    targets += target >= 0 ? 1 : 0;
                    // bigram PMI with each neighbour (1-word contexts; an unstored bigram gives the back-off)
                    if (i > 0) {
                        lm.emptyContext(leftWord);
                        lm.score(leftWord, lattice.ids[i - 1], leftWord);
                    } else {
                        lm.beginSentence(leftWord);
                    }
                    float rightUni = lm.score(empty, right, tmp);
                    double[][] key = new double[4][cands.length];
                    for (int c = 0; c < cands.length; c++) {
                        int[] ids = cands[c].ids();
                        float firstUni = lm.score(empty, ids[0], tmp);
                        double pmiLeft = lm.score(leftWord, ids[0], tmp) - firstUni;
                        lm.score(empty, ids[ids.length - 1], tmp);
                        double pmiRight = lm.score(tmp, right, tmp) - rightUni;
                        key[1][c] = cands[c].prior() + Math.log(10) * pmiLeft;
                        key[2][c] = cands[c].prior() + Math.log(10) * pmiRight;
                        key[3][c] = cands[c].prior() + Math.log(10) * (pmiLeft + pmiRight);
                    }
                    for (int r = 0; r < keyRules.length; r++) {
                        int k = keyRules[r][0];
                        int m = Math.min(keyRules[r][1], cands.length);
                        int p = keyRules[r][2];
                        double[] keyOf = key[keyRules[r][3]];
                        boolean[] in = new boolean[cands.length];
                        int count = 0;
                        for (int c = 0; c < Math.min(k, m); c++) {
                            in[c] = true;
                            count++;
                        }
                        while (count < Math.min(p, m)) {
                            int best = -1;
                            for (int c = 0; c < m; c++) {
                                if (!in[c] && (best < 0 || keyOf[c] > keyOf[best])) {
                                    best = c;
                                }
                            }
                            in[best] = true;
                            count++;
                        }
                        keyTests[r] += count;
                        for (int c = 0; c < m; c++) {
                            if (in[c]) {
                                keyPassing[r] += passes[c] ? 1 : 0;
                                keyTarget[r] += c == target ? 1 : 0;
                                keyTargetPassing[r] += c == target && passes[c] ? 1 : 0;
                            }
                        }
                    }
                    // time per candidate (the first 64 by prior): evidence test with early stop; L|R check; PMI key
                    int timedHere = Math.min(64, cands.length);
                    timed += timedHere;
                    long t0 = System.nanoTime();
                    double sink = 0;
                    for (int c = 0; c < timedHere; c++) {
                        sink += evidence.gain(i, i + 1, cands[c], obsContext, obsPartial, obsIntrinsic, gate, 2.0) >= gate ? 1 : 0;
                    }
                    long t1 = System.nanoTime();
                    for (int c = 0; c < timedHere; c++) {
                        int[] ids = cands[c].ids();
                        if (lm.matchedOrder(leftWord, ids[0]) >= 2) {
                            sink++;
                            continue;
                        }
                        lm.score(empty, ids[ids.length - 1], tmp);
                        sink += lm.matchedOrder(tmp, right) >= 2 ? 1 : 0;
                    }
                    long t2 = System.nanoTime();
                    for (int c = 0; c < timedHere; c++) {
                        int[] ids = cands[c].ids();
                        sink += lm.score(leftWord, ids[0], tmp);
                        lm.score(empty, ids[ids.length - 1], tmp);
                        sink += lm.score(tmp, right, tmp);
                    }
                    long t3 = System.nanoTime();
                    nanos[0] += t1 - t0;
                    nanos[1] += t2 - t1;
                    nanos[2] += t3 - t2;
                    if (sink == 0.123) {
                        System.out.print("");
                    }
                    for (int r = 0; r < rules.size(); r++) {
                        Rule rule = rules.get(r);
                        int in = 0;
                        for (int c = 0; c < cands.length && in < rule.p() && c < rule.m(); c++) {
                            boolean take = c < rule.k();
                            if (!take) {
                                checks[r]++;
                                take = (signal[c] & rule.signal()) != 0;
                            }
                            if (take) {
                                in++;
                                passingIn[r] += passes[c] ? 1 : 0;
                                if (c == target) {
                                    targetIn[r]++;
                                    targetInPassing[r] += passes[c] ? 1 : 0;
                                }
                            }
                        }
                        tests[r] += in;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "one-word spans with candidates %d; edits at one-word spans whose original is a candidate %d%n",
                spans, targets);
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %9s %8s %8s%n", "rule", "tests/sp", "checks/sp", "passing", "target", "tgt+pass");
        for (int r = 0; r < rules.size(); r++) {
            System.out.printf(Locale.ROOT, "%-24s %9.2f %9.2f %9d %8d %8d%n", rules.get(r).name(), (double) tests[r] / spans,
                    (double) checks[r] / spans, passingIn[r], targetIn[r], targetInPassing[r]);
        }
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %8s %8s   (key = prior + ln10 * bigram PMI left + right)%n", "key rule k m p side", "tests/sp", "passing", "target", "tgt+pass");
        for (int r = 0; r < keyRules.length; r++) {
            System.out.printf(Locale.ROOT, "%-24s %9.2f %9d %8d %8d%n", Arrays.toString(keyRules[r]), (double) keyTests[r] / spans,
                    keyPassing[r], keyTarget[r], keyTargetPassing[r]);
        }
        System.out.printf(Locale.ROOT, "ns per candidate (first 64 by prior, %d): evidence test %.1f, L|R check %.1f, PMI key %.1f%n", timed,
                (double) nanos[0] / timed, (double) nanos[1] / timed, (double) nanos[2] / timed);
        System.out.println("rank bucket / signal: candidates, passing the gate, edits' originals, passing originals");
        for (int b = 0; b + 1 < bucketEdges.length; b++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "ranks %3d-%3d", bucketEdges[b], bucketEdges[b + 1] - 1));
            for (int sg = 0; sg < 4; sg++) {
                long[] cell = table[b][sg];
                line.append(String.format(Locale.ROOT, " | %-3s %7d %6d %4d %4d", SIGNALS[sg].equals("L|R") ? "LR" : SIGNALS[sg],
                        cell[0], cell[1], cell[2], cell[3]));
            }
            System.out.println(line);
        }
    }
}

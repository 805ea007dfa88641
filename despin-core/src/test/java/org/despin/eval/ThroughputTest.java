package org.despin.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.despin.detect.Report;
import org.despin.detect.Verdict;
import org.despin.lm.ForwardingLanguageModel;
import org.despin.lm.LanguageModel;
import org.despin.lm.LmState;
import org.despin.lm.MapLanguageModel;
import org.despin.text.Document;
import org.junit.jupiter.api.Test;

class ThroughputTest {
    static final List<String> TEXTS = List.of("The council met on Tuesday.", "It met again. Reporters were told.");
    /** Word and number tokens of the two texts. */
    static final long WORDS = Document.parse(TEXTS.get(0)).wordCount() + Document.parse(TEXTS.get(1)).wordCount();

    /** A detector that flags nothing and records which texts it was given, from any thread. */
    static Function<String, Report> recording(List<String> seen) {
        return text -> {
            seen.add(text);
            return new Report(Verdict.CLEAN, 0.0, Document.parse(text).wordCount(), List.of(), text);
        };
    }

    @Test
    void warmCountsEveryTimedRoundAfterOneUntimedPass() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Throughput.Warm w = Throughput.warm(recording(seen), TEXTS, 3);
        assertEquals(11, WORDS);
        assertEquals(4 * TEXTS.size(), seen.size(), "one warming pass and three timed rounds");
        assertEquals(3, w.rounds());
        assertEquals(3 * WORDS, w.words());
        assertEquals(3L * (27 + 34), w.bytes());
        assertTrue(w.minWordsPerCpuSecond() > 0 && w.minWordsPerCpuSecond() <= w.medianWordsPerCpuSecond()
                && w.medianWordsPerCpuSecond() <= w.maxWordsPerCpuSecond(), w.toString());
    }

    @Test
    void parallelChecksEveryTextOncePerRoundAcrossTheThreads() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Throughput.Parallel p = Throughput.parallel(recording(seen), TEXTS, 5, 2);
        assertEquals(2, p.threads());
        assertEquals(5 * WORDS, p.words());
        assertEquals(12, seen.size(), "one untimed round and five timed ones");
        assertEquals(6, Collections.frequency(seen, TEXTS.get(0)));
        assertEquals(6, Collections.frequency(seen, TEXTS.get(1)));
        assertTrue(p.wordsPerSecond() > 0 && p.wordsPerCpuSecond() > 0, p.toString());
    }

    @Test
    void aDetectorFailureReachesTheCaller() {
        Function<String, Report> failing = text -> {
            throw new IllegalStateException("broken detector");
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Throughput.parallel(failing, TEXTS, 1, 2));
        assertEquals("broken detector", e.getMessage());
    }

    @Test
    void emptyWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Throughput.warm(recording(new ArrayList<>()), List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> Throughput.warm(recording(new ArrayList<>()), TEXTS, 0));
        assertThrows(IllegalArgumentException.class, () -> Throughput.parallel(recording(new ArrayList<>()), TEXTS, 1, 0));
    }

    @Test
    void lmLookupsSlideOverEverySentenceWithItsEnd() {
        MapLanguageModel base = new MapLanguageModel.Builder(2)
                .add(-1f, 0f, "<s>").add(-1f, 0f, "</s>").add(-1f, 0f, "<unk>")
                .add(-0.5f, 0f, "the").add(-0.5f, 0f, "council").add(-0.5f, 0f, "met")
                .build();
        AtomicLong calls = new AtomicLong();
        LanguageModel counting = new Counting(base, calls);
        double perSecond = Throughput.lmLookups(counting, TEXTS, 0.0);
        // sentences: "the council met on tuesday" + </s>, "it met again" + </s>, "reporters were told" + </s>
        long perPass = 6 + 4 + 4;
        assertEquals(2 * perPass, calls.get(), "one warming pass and one timed pass");
        assertTrue(perSecond > 0 && Double.isFinite(perSecond));
        assertTrue(Double.isNaN(Throughput.lmLookups(counting, List.of("..."), 0.0)), "no words, no figure");
    }

    /** Counts {@link LanguageModel#score} calls. */
    private static final class Counting extends ForwardingLanguageModel {
        private final AtomicLong calls;

        Counting(LanguageModel lm, AtomicLong calls) {
            super(lm);
            this.calls = calls;
        }

        @Override
        public float score(LmState in, int word, LmState out) {
            calls.incrementAndGet();
            return super.score(in, word, out);
        }
    }
}

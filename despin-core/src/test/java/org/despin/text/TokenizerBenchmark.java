package org.despin.text;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokenising and sentence splitting of news prose. Run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main TokenizerBenchmark}; words per second
 * = {@link #WORDS} x operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBenchmark {
    static final String PARAGRAPH = "The United Nations Security Council on Tuesday called on both sides in the "
            + "conflict along the northern border to return to the negotiating table, after three days of heavy "
            + "fighting forced thousands of families to leave their homes. Secretary-General Ana Lucía Ferreira "
            + "told reporters that she had spoken with the leaders of both governments and urged them to meet "
            + "face-to-face within the next two weeks. \"There is no military solution to this dispute,\" she said. "
            + "According to the U.N., more than 40,000 people have fled; the agency needs an additional $12.5 million.\n\n";
    static final int REPEATS = 100;
    /** Words in one operation's text (Document.wordCount). */
    public static final int WORDS = Document.parse(PARAGRAPH.repeat(REPEATS)).wordCount();

    private String text;

    @Setup
    public void setup() {
        text = PARAGRAPH.repeat(REPEATS);
    }

    @Benchmark
    public Document parse() {
        return Tokenizer.DEFAULT.parse(text);
    }
}

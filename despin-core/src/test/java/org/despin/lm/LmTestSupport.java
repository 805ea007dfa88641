package org.despin.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.despin.lm.build.BackoffSource;

/** Helpers shared by the LM tests. */
public final class LmTestSupport {
    private LmTestSupport() {
    }

    /** The reference hash-map model holding exactly the n-grams of {@code src}. */
    public static MapLanguageModel toMap(BackoffSource src) {
        MapLanguageModel.Builder b = new MapLanguageModel.Builder(src.order());
        try {
            for (int n = 1; n <= src.order(); n++) {
                src.forEach(n, (words, p, bo) -> b.add(p, bo, words.clone()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    /** Every n-gram of {@code src} as "w1 w2 ... p bo" lines, in the source's order. */
    public static List<String> lines(BackoffSource src) {
        List<String> out = new ArrayList<>();
        try {
            for (int n = 1; n <= src.order(); n++) {
                src.forEach(n, (words, p, bo) -> out.add(String.join(" ", words) + " " + p + " " + bo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The contexts (n-grams of order < N, plus the empty context) of {@code src}, as word arrays. */
    public static List<String[]> contexts(BackoffSource src) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[0]);
        try {
            for (int n = 1; n < src.order(); n++) {
                src.forEach(n, (words, p, bo) -> {
                    if (!words[words.length - 1].equals("</s>")) {
                        out.add(words.clone());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Σ_w P(w | context) over the whole vocabulary of {@code lm}. */
    public static double totalProbability(LanguageModel lm, String[] context) {
        Vocabulary v = lm.vocabulary();
        LmState s = lm.newState();
        LmState t = lm.newState();
        double sum = 0;
        for (int w = 0; w < v.size(); w++) {
            lm.emptyContext(s);
            for (String c : context) {
                lm.score(s, v.id(c), s);
            }
            sum += Math.pow(10, lm.score(s, w, t));
        }
        return sum;
    }

    /** Sentences of a small made-up corpus, already in LM word form. */
    public static List<String[]> smallCorpus() {
        String[] text = {
            "the council met on monday",
            "the security council met on monday in new york",
            "the council told reporters that the meeting was over",
            "officials told reporters on monday that the council had met",
            "the meeting in new york was over on monday",
            "reporters asked the council about the meeting",
            "the security council asked for a meeting",
            "officials asked for a new meeting in new york",
        };
        List<String[]> out = new ArrayList<>();
        for (String s : text) {
            out.add(s.split(" "));
        }
        return out;
    }

    /** Merged n-gram counts: the vocabulary by id, and each n-gram (word ids) with its count. */
    public record Counted(List<String> vocabulary, List<int[]> ngrams, List<Long> counts) {
    }

    /** The counts the trainer's chunked counter gives for {@code sentences}, merged (count files in {@code countDir}). */
    public static Counted count(List<String[]> sentences, int order, java.nio.file.Path countDir) throws Exception {
        MapVocabulary.Builder vocab = new MapVocabulary.Builder();
        List<int[]> grams = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try (ChunkCounter counter = new ChunkCounter(order, 1 << 12, countDir)) {
            for (String[] s : sentences) {
                int[] ids = new int[s.length + 2];
                ids[0] = Vocabulary.BEGIN_SENTENCE;
                for (int i = 0; i < s.length; i++) {
                    ids[i + 1] = vocab.add(s[i]);
                }
                ids[s.length + 1] = Vocabulary.END_SENTENCE;
                counter.addSentence(ids, ids.length);
            }
            counter.merge((g, length, c) -> {
                grams.add(java.util.Arrays.copyOf(g, length));
                counts.add(c);
            });
        }
        MapVocabulary v = vocab.build();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            words.add(v.word(i));
        }
        return new Counted(words, grams, counts);
    }

    /** The on-disk estimate of {@code c} (files in {@code tmp}, sorts within {@code budget} bytes). */
    public static org.despin.lm.build.SortedNgramModel streamed(Counted c, int order, long budget, java.nio.file.Path tmp)
            throws Exception {
        org.despin.lm.build.StreamingKneserNeyEstimator kn =
                new org.despin.lm.build.StreamingKneserNeyEstimator(order, c.vocabulary(), tmp, budget);
        for (int i = 0; i < c.ngrams().size(); i++) {
            kn.addNgramCount(c.ngrams().get(i), c.ngrams().get(i).length, c.counts().get(i));
        }
        return kn.estimate();
    }
}

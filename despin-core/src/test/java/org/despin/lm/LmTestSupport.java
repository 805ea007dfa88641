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
}

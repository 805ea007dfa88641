package org.despin.lm.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.despin.lm.LmFormat;
import org.despin.model.ModelFile;

/**
 * The load time of a model's language model ({@code LmFormat.read} after {@code ModelFile.open}):
 * the first in this JVM and the best of 20 (each a fresh mapping of the file):
 * {@code java ... LoadTime MODEL}.
 */
public final class LoadTime {
    private LoadTime() {
    }

    public static void main(String[] args) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 21; i++) {
            long t = System.nanoTime();
            LmFormat.read(ModelFile.open(Path.of(args[0])));
            long ns = System.nanoTime() - t;
            if (i == 0) {
                System.out.println(String.format(Locale.ROOT, "first load %.1f ms", ns / 1e6));
            } else {
                best = Math.min(best, ns);
            }
        }
        System.out.println(String.format(Locale.ROOT, "best of 20 more %.2f ms", best / 1e6));
    }
}

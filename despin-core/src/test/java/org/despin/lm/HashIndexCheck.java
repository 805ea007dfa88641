package org.despin.lm;

import java.nio.file.Path;
import org.despin.model.ModelFile;

/**
 * Checks the hash index on a model file (a tool, not a test): the load time with samples and with
 * the index, the index's size, and that every stored bigram and trigram is found at the same entry
 * through both and through no index, and that sampled absent words are not found.
 * {@code java -cp CP org.despin.lm.HashIndexCheck MODEL [EVERY_PARENT [LONGER_THAN MAX_ORDER]]}.
 */
final class HashIndexCheck {
    private HashIndexCheck() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.ByteBuffer section = ModelFile.open(Path.of(args[0])).section(LmFormat.SECTION);
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        TrieLanguageModel.Sampling h = args.length > 3
                ? new TrieLanguageModel.Sampling(32, Integer.parseInt(args[2]), Integer.parseInt(args[3]), true)
                : TrieLanguageModel.Sampling.HASHED;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            TrieLanguageModel sampled = new TrieLanguageModel(section, "m", TrieLanguageModel.Sampling.SAMPLED);
            long t1 = System.nanoTime();
            TrieLanguageModel hashed = new TrieLanguageModel(section, "m", h);
            long t2 = System.nanoTime();
            System.out.printf("load: sampled %.0f ms, hashed %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            if (round == 2) {
                for (int n = 2; n <= hashed.order(); n++) {
                    System.out.printf("order %d: %d stored, %d indexed, %d slots (%.1f MB)%n", n, hashed.count(n),
                            hashed.indexedEntries(n), hashed.indexSlots(n), hashed.indexSlots(n) * 4 / 1e6);
                }
                TrieLanguageModel plain = new TrieLanguageModel(section, "m", TrieLanguageModel.Sampling.NONE);
                long[] checked = HashIndexTest.assertEveryEntryFound(plain, sampled, hashed, every);
                System.out.printf("checked every %d-th context: %d present, %d absent lookups, all equal%n", every,
                        checked[0], checked[1]);
            }
        }
    }
}

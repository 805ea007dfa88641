package org.despin.detect;

import java.nio.file.Path;
import org.despin.lexicon.Candidate;
import org.despin.model.Model;
import org.despin.model.Models;

/** Development tool: prints a model's lexicon candidates for each argument after the model path. */
final class LexiconQuery {
    private LexiconQuery() {
    }

    public static void main(String[] args) throws Exception {
        Model model = Models.load(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            StringBuilder sb = new StringBuilder(args[i]).append(':');
            for (Candidate c : model.lexicon().candidates(args[i])) {
                sb.append(String.format(java.util.Locale.ROOT, " %s(%.2f,%s)", c.original(), c.logChannel(), c.source()));
            }
            System.out.println(sb);
        }
    }
}

package org.despin.detect;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.despin.data.corpus.CorpusDocument;

/**
 * The text type of an evaluation document, for breaking the clean-text figures down: the quality
 * targets speak of modern newswire and encyclopedia text, while the held-out corpora also hold
 * 18th- and 19th-century State of the Union prose and fiction (docs/detector.md, "Clean
 * calibration set"). SOTU ids start with the year; Brown ids are {@code c<category><nn>}.
 */
enum TextGroup {
    SOTU_BEFORE_1900("SOTU before 1900", false),
    SOTU_1900_1945("SOTU 1900-1945", false),
    SOTU_AFTER_1945("SOTU after 1945", true),
    /** Brown A-C: press reportage, editorials, reviews. */
    BROWN_NEWS("Brown news (A-C)", true),
    /** Brown D-J: religion, skills, popular lore, belles lettres, government documents, learned. */
    BROWN_INFORMATIVE("Brown other informative (D-J)", true),
    /** Brown K-R: fiction. */
    BROWN_FICTION("Brown fiction (K-R)", false),
    EUROPARL("Europarl", true);

    final String label;
    /** Part of the modern calibration set: the text type the clean-text targets are about. */
    final boolean modern;

    TextGroup(String label, boolean modern) {
        this.label = label;
        this.modern = modern;
    }

    static TextGroup of(CorpusDocument d) {
        switch (d.corpus()) {
            case "sotu" -> {
                int year = Integer.parseInt(d.id().substring(0, 4));
                return year < 1900 ? SOTU_BEFORE_1900 : year <= 1945 ? SOTU_1900_1945 : SOTU_AFTER_1945;
            }
            case "brown" -> {
                char category = Character.toLowerCase(d.id().charAt(1));
                return category <= 'c' ? BROWN_NEWS : category <= 'j' ? BROWN_INFORMATIVE : BROWN_FICTION;
            }
            case "europarl" -> {
                return EUROPARL;
            }
            default -> throw new IllegalArgumentException("no text group for corpus " + d.corpus());
        }
    }

    /** The groups a {@code -Dtexts} value names: all, modern (the calibration set) or old (the rest). */
    static Set<TextGroup> named(String which) {
        Set<TextGroup> out = EnumSet.noneOf(TextGroup.class);
        for (TextGroup g : values()) {
            if (which.equals("all") || (which.equals("modern") && g.modern) || (which.equals("old") && !g.modern)) {
                out.add(g);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("-Dtexts must be all, modern or old, not " + which);
        }
        return out;
    }

    static List<DetectorEvaluation.Labelled> select(List<DetectorEvaluation.Labelled> docs, String which) {
        Set<TextGroup> groups = named(which);
        return docs.stream().filter(d -> groups.contains(d.group())).toList();
    }
}

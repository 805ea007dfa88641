package org.despin.data.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.despin.data.DataPaths;
import org.despin.spin.Alignment;
import org.despin.spin.Edit;
import org.despin.spin.SpinOptions;
import org.despin.spin.SpinResult;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Spinner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled example (examples/spun-news.txt and its alignment) is exactly what the spinner
 * makes of examples/clean-news.txt with MyThes, rate 0.3, seed {@value #SEED}: the command in
 * examples/README.md. When a spinner change is meant to alter it, regenerate with
 * {@code mvn -B -o -pl despin-core,despin-data test -Dtest=ExamplesTest -Ddespin.regenerateExamples=true}.
 */
class ExamplesTest {
    static final long SEED = 56;
    static final double RATE = 0.3;
    static final Path EXAMPLES = Path.of("..", "examples");
    private static SpinThesaurus mythes;

    /** MyThes, loaded once for the class; the test is skipped when it has not been fetched. */
    static synchronized SpinThesaurus mythes() throws Exception {
        Path dat = MyThesThesaurus.defaultFile(DataPaths.defaultCache());
        Assumptions.assumeTrue(Files.isRegularFile(dat), "run scripts/fetch-debian-data to test with the real MyThes");
        if (mythes == null) {
            mythes = MyThesThesaurus.load(DataPaths.defaultCache());
        }
        return mythes;
    }

    @Test
    void theBundledSpunArticleIsTheSpinnersOutput() throws Exception {
        String clean = Files.readString(EXAMPLES.resolve("clean-news.txt"), StandardCharsets.UTF_8);
        SpinResult r = new Spinner(mythes(), SpinOptions.of(RATE, SEED)).spin(clean);
        Path spunFile = EXAMPLES.resolve("spun-news.txt");
        Path alignmentFile = EXAMPLES.resolve("spun-news.alignment.tsv");
        if (Boolean.getBoolean("despin.regenerateExamples")) {
            Files.writeString(spunFile, r.spunText(), StandardCharsets.UTF_8);
            Files.writeString(alignmentFile, Alignment.toTsv(r.edits()), StandardCharsets.UTF_8);
        }
        assertEquals(r.spunText(), Files.readString(spunFile, StandardCharsets.UTF_8));
        List<Edit> edits = Alignment.parse(Files.readString(alignmentFile, StandardCharsets.UTF_8), alignmentFile.toString());
        assertEquals(r.edits(), edits);
        assertEquals(clean, Alignment.restore(r.spunText(), edits));
        assertTrue(edits.size() >= 50, "a realistic example has many edits: " + edits.size());
    }

    @Test
    void withTheRealThesauriEverySeedAndRateRestoresTheInput() throws Exception {
        SpinThesaurus thesaurus = mythes();
        String text = Files.readString(EXAMPLES.resolve("clean-news.txt"), StandardCharsets.UTF_8)
                + "\n\n" + Files.readString(EXAMPLES.resolve("clean-encyclopedia.txt"), StandardCharsets.UTF_8);
        Spinner spinner = new Spinner(thesaurus, SpinOptions.DEFAULTS);
        for (long seed = 0; seed < 12; seed++) {
            for (double rate : new double[] {0.05, 0.3, 1.0}) {
                SpinResult r = spinner.withOptions(SpinOptions.of(rate, seed).withInsertionRate(0.1)).spin(text);
                assertEquals(text, r.restore(), "seed " + seed + " rate " + rate);
                assertEquals(r.edits(), Alignment.parse(Alignment.toTsv(r.edits()), "tsv"));
                for (Edit e : r.edits()) {
                    assertTrue(!e.spun().equalsIgnoreCase(e.original()), e::toString);
                }
            }
        }
    }
}

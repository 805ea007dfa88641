package org.despin.data.spin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.data.lexicon.TechnicalTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDocumentsTest {
    @TempDir
    Path cache;

    /** A paragraph of {@code n} sentences of four words: "Tag fits model i." */
    private static String paragraph(String tag, int n) {
        StringBuilder sb = new StringBuilder("<p>");
        for (int i = 0; i < n; i++) {
            sb.append(tag).append(" fits model ").append(i).append(". ");
        }
        return sb.append("</p>\n").toString();
    }

    @Test
    void technicalPassagesComeFromThePackagesInTurn() throws Exception {
        for (String name : TechnicalTerms.PACKAGES) {
            Path dir = Files.createDirectories(cache.resolve("debian").resolve(name).resolve("html"));
            String tag = Character.toUpperCase(name.charAt("python-".length())) + name.substring("python-".length() + 1, name.indexOf("-doc"));
            Files.writeString(dir.resolve("page.html"), paragraph(tag, 12), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("../.complete").normalize(), "", StandardCharsets.UTF_8);
        }
        // each package: one page of 48 words, cut into passages of 20-30 words of whole sentences (28 and 20)
        List<String> passages = BenchDocuments.technicalPassages(new DataPaths(cache), 20, 30, 5);
        assertEquals(List.of("Sklearn fits model 0.", "Scipy fits model 0.", "Statsmodels fits model 0.", "Sklearn fits model 7.",
                "Scipy fits model 7."), passages.stream().map(p -> p.substring(0, p.indexOf('.') + 1)).toList());
        assertEquals(28, passages.get(0).split(" ").length);
        assertEquals(20, passages.get(3).split(" ").length);
    }

    @Test
    void missingPackagesSayHowToFetchThem() {
        DespinException e = assertThrows(DespinException.class,
                () -> BenchDocuments.technicalPassages(new DataPaths(cache), 100, 150, 10));
        assertEquals("missing Debian package data " + cache.resolve("debian").resolve("python-sklearn-doc")
                + "; run scripts/fetch-debian-data --technical", e.getMessage());
    }
}

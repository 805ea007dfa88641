package org.despin.data.spin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.model.DataFormatException;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Synonym;

/**
 * Moby as the spinner's thesaurus ({@code words.txt} of npm {@code moby@1.1.2}, lines
 * {@code root,syn,syn,...}). The detector reads Moby too, so figures with this spinner are the
 * "same-thesaurus" figures and must be labelled so; headline figures use {@link MyThesThesaurus}.
 * Moby has no word classes: every synonym is {@link PartOfSpeech#UNKNOWN} with weight 1; a
 * capitalised root is marked as a name.
 */
public final class MobySpinThesaurus {
    public static final String NAME = "moby 1.1.2 (same thesaurus as the detector)";

    private MobySpinThesaurus() {
    }

    /** Reads {@code words.txt} from the npm package fetched by scripts/fetch-data. */
    public static SpinThesaurus load(DataPaths paths) throws DespinException {
        return read(paths.npmPackage(DataPaths.MOBY).resolve("words.txt"), NAME);
    }

    /** Reads a Moby thesaurus file. */
    public static SpinThesaurus read(Path file, String name) throws DespinException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), name);
        } catch (IOException e) {
            throw new DespinException(DespinException.Kind.MODEL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads Moby lines from {@code in}.
     *
     * @param source the file name for error messages
     */
    public static SpinThesaurus read(BufferedReader in, String source, String name) throws IOException, DataFormatException {
        MapSpinThesaurus.Builder builder = MapSpinThesaurus.builder(name);
        Map<String, Synonym> shared = new HashMap<>();
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length < 2 || fields[0].isBlank()) {
                throw new DataFormatException(source, lineNo, "expected 'root,synonym,...', got '"
                        + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
            }
            if (Character.isUpperCase(fields[0].charAt(0))) {
                builder.name(fields[0]); // capitalised roots are names ("Abaddon")
            }
            for (int i = 1; i < fields.length; i++) {
                String s = fields[i].trim();
                if (!s.isEmpty()) {
                    builder.add(fields[0], shared.computeIfAbsent(s, x -> new Synonym(x, PartOfSpeech.UNKNOWN, 1.0)));
                }
            }
        }
        return builder.build();
    }
}

package org.despin.detect;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.despin.spin.MapSpinThesaurus;
import org.despin.spin.PartOfSpeech;
import org.despin.spin.SpinThesaurus;
import org.despin.spin.Synonym;

/** Stand-in MyThes reader for the evaluation until the spinner's own reader is merged. */
final class DevMyThes {
    private DevMyThes() {
    }

    static SpinThesaurus load(Path cache) throws Exception {
        Path dat = cache.resolve("debian/mythes-en-us/usr/share/mythes/th_en_US_v2.dat");
        MapSpinThesaurus.Builder b = MapSpinThesaurus.builder("mythes-en-us (dev reader)");
        try (BufferedReader r = Files.newBufferedReader(dat, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                int bar = line.lastIndexOf('|');
                String key = line.substring(0, bar).toLowerCase(Locale.ROOT);
                int n = Integer.parseInt(line.substring(bar + 1).trim());
                for (int i = 0; i < n; i++) {
                    String[] f = r.readLine().split("\\|");
                    PartOfSpeech pos = switch (f[0]) {
                        case "(noun)" -> PartOfSpeech.NOUN;
                        case "(verb)" -> PartOfSpeech.VERB;
                        case "(adj)" -> PartOfSpeech.ADJECTIVE;
                        case "(adv)" -> PartOfSpeech.ADVERB;
                        default -> PartOfSpeech.UNKNOWN;
                    };
                    for (int k = 1; k < f.length; k++) {
                        String s = f[k];
                        double w = 1;
                        if (s.endsWith("(antonym)")) {
                            continue;
                        }
                        if (s.endsWith("(generic term)") || s.endsWith("(related term)")) {
                            w = 0.5;
                        }
                        s = s.replaceAll("\\s*\\([^)]*\\)\\s*$", "").trim();
                        if (!s.isEmpty() && !s.equalsIgnoreCase(key)) {
                            b.add(key, new Synonym(s, pos, w));
                        }
                    }
                }
            }
        }
        return b.build();
    }
}

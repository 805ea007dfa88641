package org.despin.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.despin.detect.Finding;
import org.despin.text.Token;
import org.despin.text.Tokenizer;

/** A test restorer: replaces whole words by a fixed map. */
final class MapRestorer implements Restorer {
    private final Map<String, String> replacements;

    MapRestorer(Map<String, String> replacements) {
        this.replacements = replacements;
    }

    @Override
    public List<Finding> findings(String text) {
        List<Finding> out = new ArrayList<>();
        for (Token t : Tokenizer.DEFAULT.tokenize(text)) {
            String r = replacements.get(t.text());
            if (r != null) {
                out.add(new Finding(t.start(), t.end(), t.text(), r, 0.9, List.of(), "test"));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "test-map";
    }
}

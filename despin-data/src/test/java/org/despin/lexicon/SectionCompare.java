package org.despin.lexicon;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.despin.model.ModelFile;

/** Throw-away check: are two model files' sections the same bytes (section by section, whatever their order)? */
final class SectionCompare {
    public static void main(String[] args) throws Exception {
        ModelFile a = ModelFile.open(Path.of(args[0]));
        ModelFile b = ModelFile.open(Path.of(args[1]));
        for (String name : new String[] {"lm", "lexicon", "terms", "names", "info", "meta"}) {
            if (!a.hasSection(name) || !b.hasSection(name)) {
                System.out.println(name + ": in a " + a.hasSection(name) + ", in b " + b.hasSection(name));
                continue;
            }
            ByteBuffer x = a.section(name);
            ByteBuffer y = b.section(name);
            System.out.println(name + ": " + x.remaining() + " / " + y.remaining() + " bytes, equal " + x.equals(y));
        }
    }
}

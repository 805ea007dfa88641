package org.despin.cli;

import java.nio.file.Path;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.data.spin.MobySpinThesaurus;
import org.despin.data.spin.MyThesThesaurus;
import org.despin.data.spin.SpinThesauri;
import org.despin.spin.SpinThesaurus;
import picocli.CommandLine.Option;

/** {@code --thesaurus mythes|moby} and {@code --thesaurus-file FILE}: where the spinner draws its synonyms from. */
final class SpinThesaurusOption {
    enum Kind { mythes, moby }

    @Option(names = "--thesaurus", paramLabel = "NAME", defaultValue = "mythes",
            description = "mythes (Debian mythes-en-us, which the detector does not read: the headline figures; "
                    + "run scripts/fetch-debian-data once) or moby (the detector's own thesaurus: same-thesaurus figures). "
                    + "Default: ${DEFAULT-VALUE}")
    Kind kind;

    @Option(names = "--thesaurus-file", paramLabel = "FILE",
            description = "read the thesaurus from FILE (a MyThes .dat or a Moby words.txt, as --thesaurus says) instead of the despin cache")
    Path file;

    SpinThesaurus load() throws DespinException {
        if (file == null) {
            return SpinThesauri.load(kind.name(), new DataPaths(DataPaths.defaultCache()));
        }
        return switch (kind) {
            case mythes -> MyThesThesaurus.read(file, MyThesThesaurus.PACKAGE + " (" + file + ")");
            case moby -> MobySpinThesaurus.read(file, MobySpinThesaurus.NAME);
        };
    }
}

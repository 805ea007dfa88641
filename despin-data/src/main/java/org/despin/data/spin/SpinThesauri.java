package org.despin.data.spin;

import java.util.List;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.spin.SpinThesaurus;

/** The thesauri the spinner can draw from, by the names the command line uses. */
public final class SpinThesauri {
    /** MyThes en_US (the default: the detector does not read it). */
    public static final String MYTHES = "mythes";
    /** Moby (the detector reads it too: "same-thesaurus" figures). */
    public static final String MOBY = "moby";
    public static final List<String> NAMES = List.of(MYTHES, MOBY);

    private SpinThesauri() {
    }

    /** Loads the thesaurus called {@code name} from the despin cache. */
    public static SpinThesaurus load(String name, DataPaths paths) throws DespinException {
        switch (name) {
            case MYTHES:
                return MyThesThesaurus.load(paths.cache());
            case MOBY:
                return MobySpinThesaurus.load(paths);
            default:
                throw new DespinException(DespinException.Kind.USAGE, "unknown spinner thesaurus '" + name
                        + "'; expected one of " + String.join(", ", NAMES));
        }
    }
}

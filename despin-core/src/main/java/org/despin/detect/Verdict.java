package org.despin.detect;

import java.util.Locale;

/** The document-level call. Serialised in lower case ("spun", "clean", "uncertain"). */
public enum Verdict {
    SPUN, CLEAN, UNCERTAIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

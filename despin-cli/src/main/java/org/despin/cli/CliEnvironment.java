package org.despin.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.despin.DespinException;
import org.despin.detect.CheckOptions;
import org.despin.detect.Detector;
import org.despin.detect.Report;
import org.despin.lm.LanguageModel;
import org.despin.model.Models;

/**
 * Everything a command touches outside itself: the standard streams, the environment variables,
 * whether standard output is a terminal, and how a model is turned into a checker. {@link Main}
 * builds the real one; tests build one with captured streams and an in-memory model.
 *
 * @param stdin standard input (for the {@code -} argument)
 * @param out standard output
 * @param err standard error
 * @param env environment variables (DESPIN_MODEL, NO_COLOR, ...)
 * @param stdoutIsTerminal whether standard output is an interactive terminal (colours, progress bars)
 * @param checkers loads a model file and gives a checker over it
 */
public record CliEnvironment(InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env,
        boolean stdoutIsTerminal, CheckerFactory checkers) {

    /** Checks one text; backed by {@link Detector} in real runs. */
    @FunctionalInterface
    public interface TextChecker {
        Report check(String text, CheckOptions options);

        /** The checker's language model, for the bench's LM figures; null when it has none to show. */
        default LanguageModel languageModel() {
            return null;
        }
    }

    /** Loads the model at a path and gives a checker over it. */
    @FunctionalInterface
    public interface CheckerFactory {
        TextChecker load(Path model) throws DespinException;
    }

    /** The real factory: a memory-mapped model file and the detector. */
    public static final CheckerFactory MODEL_FILES = model -> {
        Detector detector = new Detector(Models.load(model));
        return new TextChecker() {
            @Override
            public Report check(String text, CheckOptions options) {
                return detector.check(text, options);
            }

            @Override
            public LanguageModel languageModel() {
                return detector.model().lm();
            }
        };
    };

    /** Colour on standard output: only on a terminal, and never when NO_COLOR is set or TERM is dumb. */
    public boolean colour() {
        return stdoutIsTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }
}

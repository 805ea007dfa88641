package org.despin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.data.DataPaths;
import org.despin.data.DefaultModelBuilder;
import org.despin.model.ModelFile;
import org.despin.model.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code despin model build|path|info}: the model file despin reads. */
@Command(name = "model", description = "Builds, locates and describes model files.",
        subcommands = {ModelCommand.Build.class, ModelCommand.PathCommand.class, ModelCommand.Info.class})
final class ModelCommand implements Callable<Integer> {
    @Override
    public Integer call() throws DespinException {
        throw new DespinException(DespinException.Kind.USAGE, "model: name a subcommand: build, path or info (see despin model --help)");
    }

    @Command(name = "build", description = "Builds the default model from the fetched package data (scripts/fetch-data).")
    static final class Build implements Callable<Integer> {
        private final CliEnvironment env;

        @Option(names = "--data", paramLabel = "DIR", description = "the despin cache holding the fetched packages (default: $DESPIN_CACHE or ~/.cache/despin)")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the model file to write")
        Path out;

        @Option(names = "--technical", description = "also add multi-word terms mined from Debian's scientific Python"
                + " documentation (scripts/fetch-debian-data --technical first): an optional model for technical prose")
        boolean technical;

        Build(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws DespinException {
            Path cache = data != null ? data : DataPaths.defaultCache();
            DefaultModelBuilder.build(new DataPaths(cache), out, technical);
            env.err().println("despin: wrote " + out);
            return ExitCode.OK;
        }
    }

    @Command(name = "path", description = "Prints the path of the model in use ($DESPIN_MODEL; ./despin builds the default model on demand).")
    static final class PathCommand implements Callable<Integer> {
        private final CliEnvironment env;

        PathCommand(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws DespinException {
            env.out().println(new ModelOption().resolve(env));
            env.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "info", description = "Prints what a model holds and how it was built: format version, sections and sizes, build metadata.")
    static final class Info implements Callable<Integer> {
        private final CliEnvironment env;

        @Parameters(arity = "0..1", paramLabel = "MODEL", description = "the model file (default: $DESPIN_MODEL)")
        Path model;

        @Option(names = "--verify", description = "recompute every section's checksum")
        boolean verify;

        Info(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws DespinException {
            ModelOption option = new ModelOption();
            option.model = model;
            Path path = option.resolve(env);
            ModelFile file = ModelFile.open(path);
            ModelInfo info = file.info();
            var out = env.out();
            out.println("model: " + path);
            try {
                out.println("size: " + bytes(Files.size(path)));
            } catch (IOException e) {
                throw new DespinException(DespinException.Kind.MODEL, path + ": cannot read: " + e.getMessage(), e);
            }
            out.println("format version: " + info.formatVersion());
            out.println("sections:");
            int width = file.sectionNames().stream().mapToInt(String::length).max().orElse(0);
            for (String name : file.sectionNames()) {
                out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", name, bytes(file.sectionLength(name))));
            }
            out.println("metadata:");
            for (Map.Entry<String, String> e : info.metadata().entrySet()) {
                out.println("  " + e.getKey() + " = " + e.getValue());
            }
            out.flush();
            if (verify) {
                file.verify();
                out.println("checksums: ok (" + file.sectionNames().size() + " sections verified)");
                out.flush();
            }
            return ExitCode.OK;
        }

        private static String bytes(long n) {
            return String.format(Locale.ROOT, "%,d bytes", n);
        }
    }
}

package org.despin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.despin.DespinException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code despin} command. The only class that exits, and the one place where errors become
 * a one-line message and an exit code ({@link ExitCode}): {@link DespinException}s with their
 * kind's code, usage errors with 2, anything unexpected with 70 and a hint to run with
 * {@code --debug} (which prints the stack trace).
 */
@Command(name = "despin", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Finds text run through an article spinner, names the likely originals and restores the text.",
            "Offline, on a CPU. ./despin sets DESPIN_MODEL to the default model (built on first use)."},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all inputs processed (and, with --fail-on-spun, none spun)",
            "1:--fail-on-spun given and some input was called spun",
            "2:bad option or argument",
            "3:input error (missing, directory, binary, invalid UTF-8, empty, too long, unreadable)",
            "4:model error (missing, corrupt, truncated, other format version)",
            "5:output could not be written",
            "6:several inputs given and some failed (each has its own error line)",
            "70:internal error (run with --debug and report it)"})
public final class Main implements Runnable {
    /**
     * The subcommands, in the order {@code --help} lists them. A new command is a class with a
     * {@code (CliEnvironment)} or no-argument constructor, added here.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CheckCommand.class,
            ScanCommand.class,
            RestoreCommand.class,
            ServeCommand.class,
            SourceCommand.class,
            IndexCommand.class,
            SpinCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            ModelCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on an unexpected error, print the stack trace")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see despin --help)");
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--debug")) {
            // before the first logger is made: library logs (quiet by default) show with --debug
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        // standard output's descriptor itself, not System.out: a PrintStream swallows write errors, so a full disk or a
        // closed descriptor (> /dev/full, >&-) would end with exit 0 and nothing written; so they reach checkError, and a
        // closed pipe (| head) is told from them
        PrintWriter out = new StandardOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliEnvironment env = new CliEnvironment(stdin(), out, err, System.getenv(), System.console() != null,
                CliEnvironment.MODEL_FILES);
        int code = run(env, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Standard input, or null when it is closed ({@code <&-}). The JVM may have reused descriptor
     * 0 for one of its own files then, so {@code ./despin} says so with {@code -Ddespin.stdinClosed};
     * on Linux a descriptor 0 that points into the Java installation says the same.
     */
    private static InputStream stdin() {
        if (Boolean.getBoolean("despin.stdinClosed")) {
            return null;
        }
        try {
            Path fd0 = Path.of("/proc/self/fd/0");
            if (Files.isSymbolicLink(fd0)
                    && Files.readSymbolicLink(fd0).startsWith(Path.of(System.getProperty("java.home")).toRealPath())) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: trust System.in
        }
        try {
            System.in.available();
            return System.in;
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs one command line and returns its exit code; never exits, never throws. */
    public static int run(CliEnvironment env, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return commandLine(env, debug).execute(args);
        } catch (RuntimeException | Error e) {
            // picocli itself failed (it should not): still one line
            return unexpected(env, e, debug);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    static CommandLine commandLine(CliEnvironment env, boolean debug) {
        CommandLine.IFactory factory = new EnvironmentFactory(env);
        CommandLine cl = new CommandLine(new Main(), factory);
        for (Class<?> c : SUBCOMMANDS) {
            try {
                cl.addSubcommand(factory.create(c));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create command " + c.getName(), e);
            }
        }
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            String command = ex.getCommandLine().getCommandName();
            String where = "despin".equals(command) ? "" : command + ": ";
            env.err().println("despin: " + where + firstLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            env.err().flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof DespinException d) {
                env.out().flush();
                if (d.kind() == DespinException.Kind.OUTPUT && env.out() instanceof StandardOutput s && s.readerClosed()) {
                    return d.exitCode(); // "| head" closed the pipe: silent, as Unix tools are
                }
                env.err().println("despin: " + firstLine(d.getMessage()));
                if (debug) {
                    d.printStackTrace(env.err());
                }
                env.err().flush();
                return d.exitCode();
            }
            return unexpected(env, ex, debug);
        });
        return cl;
    }

    private static int unexpected(CliEnvironment env, Throwable e, boolean debug) {
        env.out().flush();
        String what = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        env.err().println("despin: internal error: " + what
                + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(env.err());
        }
        env.err().flush();
        return ExitCode.INTERNAL;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Creates commands with the environment when they take it. */
    private static final class EnvironmentFactory implements CommandLine.IFactory {
        private final CliEnvironment env;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        EnvironmentFactory(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(CliEnvironment.class);
                c.setAccessible(true);
                return c.newInstance(env);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }

    /** The version from the build ({@code version.properties}, filtered by Maven). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            return new String[] {"despin " + p.getProperty("version", "(unknown version)")};
        }
    }
}

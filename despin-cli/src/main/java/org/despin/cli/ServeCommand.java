package org.despin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.despin.DespinException;
import org.despin.detect.CheckOptions;
import org.despin.server.DespinServer;
import org.despin.server.ServerOptions;
import org.despin.server.SourceLookup;
import org.despin.server.TextChecker;
import org.despin.source.SourceFinder;
import org.despin.source.SourceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code despin serve}: the HTTP API and the web page until interrupted (Ctrl-C). Translates
 * flags into {@link ServerOptions}; the limits are documented in README (HTTP service).
 */
@Command(name = "serve", sortOptions = false,
        description = {"Serves the HTTP API (/api/v1/check, /api/v1/restore, /api/v1/source, /api/v1/health) and the web"
                + " page at /.",
            "/api/v1/source needs --index DIR (else it answers 501). Binds to 127.0.0.1 unless --host says otherwise."
                + " Stops on Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad option, or the address cannot be bound",
            "4:model or source index missing, corrupt or of another format version",
            "70:internal error (run with --debug)"})
final class ServeCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Mixin
    ModelOption model;

    @Option(names = "--host", paramLabel = "ADDR", description = "interface to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    String host = ServerOptions.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free one)")
    int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "largest request body accepted; larger gets 413 (default 4194304)")
    long maxBodyBytes = ServerOptions.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--queue", paramLabel = "N", description = "checks that may wait for a worker; more get 429 (default 64)")
    int queueCapacity = ServerOptions.DEFAULT_QUEUE_CAPACITY;

    @Option(names = "--workers", paramLabel = "N", description = "threads running checks (default: one per core)")
    Integer workers;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "a request not answered within this gets 503 (default 10)")
    double timeLimitSeconds = ServerOptions.DEFAULT_TIME_LIMIT.toMillis() / 1000.0;

    @Option(names = "--index", paramLabel = "DIR",
            description = "a source index ('despin index') for POST /api/v1/source; without it that endpoint answers 501")
    Path index;

    @Option(names = "--min-confidence", paramLabel = "P", description = "report only spans at least this sure (0-1; default 0.5)")
    Double minConfidence;

    ServeCommand(CliEnvironment env) {
        this.env = env;
    }

    /** The access log is the point of a server's standard error, while the CLI's default level is ERROR. */
    private static final String ACCESS_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.despin.server.access";

    @Override
    public Integer call() throws DespinException {
        if (System.getProperty(ACCESS_LOG_LEVEL) == null) {
            System.setProperty(ACCESS_LOG_LEVEL, "info"); // read when the logger is created, at start-up below
        }
        CheckOptions checkOptions = Options.check(minConfidence);
        ServerOptions options;
        try {
            ServerOptions d = ServerOptions.defaults();
            options = new ServerOptions(host, port, maxBodyBytes, queueCapacity,
                    workers == null ? d.workerThreads() : workers, d.ioThreads(),
                    Duration.ofMillis(Math.round(timeLimitSeconds * 1000)), d.retryAfterSeconds());
        } catch (IllegalArgumentException e) {
            throw new DespinException(DespinException.Kind.USAGE, e.getMessage(), e);
        }
        Path modelPath = model.resolve(env);
        // the index first: a bad one fails at once, before the model has been loaded
        SourceIndex sourceIndex = index == null ? null : SourceIndex.open(index);
        try {
            CliEnvironment.TextChecker checker = env.checkers().load(modelPath);
            SourceLookup sources = sourceIndex == null ? null
                    : new SourceFinder(sourceIndex, SourceCommand.detectorRestorer(checker))::find;
            Path name = modelPath.getFileName();
            return serve(options, text -> checker.check(text, checkOptions), sources,
                    name == null ? modelPath.toString() : name.toString());
        } finally {
            closeQuietly(sourceIndex);
        }
    }

    private Integer serve(ServerOptions options, TextChecker checker, SourceLookup sources, String modelName)
            throws DespinException {
        boolean interrupted = false;
        try (DespinServer server = DespinServer.start(options, checker, sources, modelName)) {
            env.err().println("despin: serving on " + server.uri() + " (Ctrl-C to stop)");
            env.err().flush();
            Thread stopper = new Thread(server::close, "despin-serve-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                server.join();
            } catch (InterruptedException e) {
                interrupted = true; // stop quietly: the try closes the server (with the flag clear, so Jetty can wait)
            } finally {
                removeHook(stopper);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static void closeQuietly(SourceIndex sourceIndex) {
        if (sourceIndex == null) {
            return;
        }
        try {
            sourceIndex.close();
        } catch (IOException e) {
            // read-only and the server has stopped: nothing was lost
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook stops the server
        }
    }
}

package org.despin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.despin.Despin;
import org.despin.DespinException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API and the web page, on Jetty 12 core handlers.
 *
 * <pre>{@code
 * try (DespinServer server = DespinServer.start(ServerOptions.defaults(), despin, "default.dspm")) {
 *     server.join();
 * }
 * }</pre>
 *
 * Endpoints (see docs/server.md): {@code GET /} the page, {@code POST /api/v1/check},
 * {@code POST /api/v1/restore}, {@code POST /api/v1/source} (501 when started without a
 * {@link SourceLookup}), {@code GET /api/v1/health}.
 */
public final class DespinServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DespinServer.class);

    private final Server jetty;
    private final ServerConnector connector;
    private final WorkQueue queue;

    private DespinServer(Server jetty, ServerConnector connector, WorkQueue queue) {
        this.jetty = jetty;
        this.connector = connector;
        this.queue = queue;
    }

    /** Starts a server over the despin facade; {@code modelName} is what health reports. */
    public static DespinServer start(ServerOptions options, Despin despin, String modelName) throws DespinException {
        return start(options, despin::check, modelName);
    }

    /** Starts a server over any checker (tests use hand-made reports), without source finding. */
    public static DespinServer start(ServerOptions options, TextChecker checker, String modelName)
            throws DespinException {
        return start(options, checker, null, modelName);
    }

    /**
     * Starts a server over any checker and, when {@code sources} is not null, with
     * {@code POST /api/v1/source} answered by it (for example {@code sourceFinder::find});
     * without it that endpoint answers 501.
     */
    public static DespinServer start(ServerOptions options, TextChecker checker, SourceLookup sources,
            String modelName) throws DespinException {
        ObjectMapper mapper = new ObjectMapper();
        JsonResponses json = new JsonResponses(mapper.getFactory());
        WorkQueue queue = new WorkQueue(options.workerThreads(), options.queueCapacity(), options.timeLimit(),
                options.retryAfterSeconds());
        ApiHandler api = new ApiHandler(checker, sources, modelName, new SubmissionReader(options.maxBodyBytes(), mapper),
                new UploadExtractor(options.maxBodyBytes()), queue, new ReportJson(mapper.getFactory()), json,
                new StaticAssets());

        QueuedThreadPool threads = new QueuedThreadPool(options.ioThreads(), Math.min(8, options.ioThreads()));
        threads.setName("despin-http");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(30_000);
        jetty.addConnector(connector);
        jetty.setHandler(api);
        jetty.setErrorHandler(new JsonErrorHandler(json));
        jetty.setRequestLog(new AccessLog());
        jetty.setStopTimeout(2_000);
        try {
            jetty.start();
        } catch (Exception e) {
            queue.close();
            stopQuietly(jetty);
            throw new DespinException(DespinException.Kind.USAGE,
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + rootMessage(e), e);
        }
        DespinServer server = new DespinServer(jetty, connector, queue);
        LOG.info("despin serving on {} (model {}, source finding {}, {} workers, queue {}, body limit {} bytes, time limit {} ms)",
                server.uri(), modelName, sources == null ? "off" : "on", options.workerThreads(), options.queueCapacity(), options.maxBodyBytes(),
                options.timeLimit().toMillis());
        return server;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri() {
        String host = connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        stopQuietly(jetty);
        queue.close();
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the server: {}", e.toString());
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

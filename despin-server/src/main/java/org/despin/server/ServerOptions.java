package org.despin.server;

import java.time.Duration;

/**
 * How the server listens and what it accepts, validated on construction.
 *
 * <p>Memory bound: at most {@code ioThreads + queueCapacity + workerThreads} request bodies of at
 * most {@code maxBodyBytes} each are held at once (reading, queued, being checked).
 *
 * @param host the interface to bind; loopback unless the operator says otherwise
 * @param port the TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes request bodies (and texts extracted from uploads, in chars) past this get 413
 * @param queueCapacity checks waiting for a worker; when full, requests get 429 with Retry-After
 * @param workerThreads threads that run checks (CPU bound: one per core)
 * @param ioThreads Jetty threads that accept connections and read bodies
 * @param timeLimit a request not answered within this time (queueing included) gets 503
 * @param retryAfterSeconds the Retry-After value sent with 429
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int queueCapacity, int workerThreads,
        int ioThreads, Duration timeLimit, int retryAfterSeconds) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_QUEUE_CAPACITY = 64;
    public static final int DEFAULT_IO_THREADS = 64;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes must be in [1, 2^31 - 17], got " + maxBodyBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, got " + workerThreads);
        }
        if (ioThreads < 8) {
            throw new IllegalArgumentException("ioThreads must be at least 8 (Jetty needs some for accepting and selecting), got " + ioThreads);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1, got " + retryAfterSeconds);
        }
    }

    /** Loopback, port 8080, 4 MB bodies, a queue of 64, one worker per core, 10 s per request. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_QUEUE_CAPACITY,
                Runtime.getRuntime().availableProcessors(), DEFAULT_IO_THREADS, DEFAULT_TIME_LIMIT, 1);
    }

    public ServerOptions withHost(String h) {
        return new ServerOptions(h, port, maxBodyBytes, queueCapacity, workerThreads, ioThreads, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(host, p, maxBodyBytes, queueCapacity, workerThreads, ioThreads, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withMaxBodyBytes(long m) {
        return new ServerOptions(host, port, m, queueCapacity, workerThreads, ioThreads, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withQueueCapacity(int q) {
        return new ServerOptions(host, port, maxBodyBytes, q, workerThreads, ioThreads, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withWorkerThreads(int w) {
        return new ServerOptions(host, port, maxBodyBytes, queueCapacity, w, ioThreads, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withIoThreads(int t) {
        return new ServerOptions(host, port, maxBodyBytes, queueCapacity, workerThreads, t, timeLimit, retryAfterSeconds);
    }

    public ServerOptions withTimeLimit(Duration d) {
        return new ServerOptions(host, port, maxBodyBytes, queueCapacity, workerThreads, ioThreads, d, retryAfterSeconds);
    }
}

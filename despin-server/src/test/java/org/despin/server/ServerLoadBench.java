package org.despin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.despin.Despin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Load test against 127.0.0.1 only, bounded in requests and time: {@code CLIENTS} keep-alive
 * connections post 2 KB texts to /api/v1/check until {@code MAX_REQUESTS} answers or
 * {@code MAX_SECONDS}, after a warm-up. Reports requests/s, p50/p99 latency, errors and heap in
 * use at the end. Not part of the default test run:
 *
 * <pre>
 * mvn -B -o -pl despin-server -am test -Pbench -Dtest=ServerLoadBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * With {@code -Ddespin.model=PATH} it runs the real detector over that model; otherwise the
 * deterministic test checker (which measures the HTTP layer, not detection).
 */
class ServerLoadBench {
    private static final int CLIENTS = Integer.getInteger("despin.bench.clients", 16);
    private static final int MAX_REQUESTS = Integer.getInteger("despin.bench.requests", 20_000);
    private static final int MAX_SECONDS = Integer.getInteger("despin.bench.seconds", 60);
    private static final int WARMUP_REQUESTS = 2_000;
    private static final int TEXT_CHARS = 2048;

    @Test
    void checkUnderLoad() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("despin.bench"), "load test: run with -Pbench");
        String modelPath = System.getProperty("despin.model", "");
        TextChecker checker;
        String label;
        if (modelPath.isBlank()) {
            checker = new ExampleChecker();
            label = "test checker (HTTP layer only, no detection)";
        } else {
            Despin despin = Despin.load(Path.of(modelPath));
            checker = despin::check;
            label = "real detector, model " + Path.of(modelPath).getFileName();
        }
        ServerOptions options = ServerOptions.defaults().withPort(0).withQueueCapacity(256);
        try (DespinServer server = DespinServer.start(options, checker, "bench")) {
            List<byte[]> requests = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                requests.add(request(server.port(), text(i)));
            }
            run(server.port(), requests, WARMUP_REQUESTS, 30); // warm-up: JIT, connections
            System.gc();
            Result r = run(server.port(), requests, MAX_REQUESTS, MAX_SECONDS);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            String report = String.format(Locale.ROOT,
                    "load average at the end (1/5/15 min, other processes included): %s%n"
                            + "checker: %s%nclients: %d, text: %d chars, requests: %d in %.2f s (limit %d requests / %d s)%n"
                            + "throughput: %.0f requests/s%nlatency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "errors: %d%nheap in use after GC at the end: %d MB (max heap %d MB), cores: %d%n",
                    loadAverage(), label, CLIENTS, TEXT_CHARS, r.count, r.seconds, MAX_REQUESTS, MAX_SECONDS, r.count / r.seconds,
                    r.percentile(0.50), r.percentile(0.90), r.percentile(0.99), r.percentile(1.0), r.errors, usedMb,
                    rt.maxMemory() / (1024 * 1024), rt.availableProcessors());
            System.out.print(report);
            Path out = Path.of("target", "load-bench.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            assertEquals(0, r.errors, "errors under load");
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private record Result(int count, double seconds, long errors, long[] nanos) {
        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    private static Result run(int port, List<byte[]> requests, int maxRequests, int maxSeconds) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long[][] latencies = new long[CLIENTS][];
        int[] counts = new int[CLIENTS];
        Thread[] threads = new Thread[CLIENTS];
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            latencies[c] = new long[maxRequests];
            threads[c] = new Thread(() -> {
                Connection conn = null;
                int n = 0;
                while (issued.getAndIncrement() < maxRequests && System.nanoTime() < deadline) {
                    byte[] req = requests.get((client * 7 + n) % requests.size());
                    long t0 = System.nanoTime();
                    try {
                        if (conn == null) {
                            conn = new Connection(port);
                        }
                        int status = conn.exchange(req);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        conn = null;
                    }
                    latencies[client][n++] = System.nanoTime() - t0;
                }
                counts[client] = n;
                if (conn != null) {
                    conn.close();
                }
            }, "load-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < CLIENTS; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, seconds, errors.get(), all);
    }

    /** A 2 KB text: the example paragraph repeated, with a number so texts differ. */
    private static String text(int i) {
        StringBuilder sb = new StringBuilder(TEXT_CHARS + 300);
        String example = ExampleChecker.exampleText();
        int n = 0;
        while (sb.length() < TEXT_CHARS) {
            sb.append("Report ").append(i).append('.').append(n++).append(": ").append(example);
        }
        sb.setLength(TEXT_CHARS);
        return sb.toString();
    }

    private static byte[] request(int port, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** A minimal keep-alive HTTP/1.1 client: the server's responses always carry Content-Length. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length");
            }
            in.skipNBytes(length);
            return code;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after the run: nothing to do
            }
        }
    }
}

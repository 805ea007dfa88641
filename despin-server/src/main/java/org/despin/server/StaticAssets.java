package org.despin.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page and its script, style and example text, read from the class path once at start-up.
 * A fixed list rather than a file-system handler: nothing outside it can ever be served.
 */
final class StaticAssets {
    /** One asset: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final String ROOT = "/org/despin/server/static/";

    private final Map<String, Asset> byPath = new HashMap<>();

    StaticAssets() {
        add("/", "index.html", "text/html; charset=utf-8");
        add("/app.css", "app.css", "text/css; charset=utf-8");
        add("/app.js", "app.js", "text/javascript; charset=utf-8");
        add("/report.css", "report.css", "text/css; charset=utf-8");
        add("/example.txt", "example.txt", "text/plain; charset=utf-8");
        add("/favicon.svg", "favicon.svg", "image/svg+xml");
        byPath.put("/index.html", byPath.get("/"));
    }

    private void add(String path, String file, String contentType) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + file + " (broken build)");
            }
            byPath.put(path, new Asset(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The asset at this path, or null. */
    Asset get(String path) {
        return byPath.get(path);
    }
}

package org.despin.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the SLF4J logger {@code org.despin.server.access}: method, path,
 * status, response bytes and milliseconds. The query string is left out (it is not used by the
 * API and could carry text a user would not want in a log).
 */
final class AccessLog implements RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.despin.server.access");

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long micros = (System.nanoTime() - request.getBeginNanoTime()) / 1000;
        LOG.info("{} {} {} {} B {}.{} ms", request.getMethod(), request.getHttpURI().getPath(), response.getStatus(),
                Response.getContentBytesWritten(response), micros / 1000, String.format("%03d", micros % 1000));
    }
}

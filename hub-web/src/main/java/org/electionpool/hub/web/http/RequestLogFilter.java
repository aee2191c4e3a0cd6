package org.electionpool.hub.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request its {@link CorrelationId} (request attribute, MDC key {@code correlationId},
 * response header) and writes one access-log line when it ends, on category
 * {@code org.electionpool.hub.access}:
 *
 * <pre>GET /api/v1/organizations 200 12ms id=… remote=127.0.0.1</pre>
 *
 * <p>What it never logs: the query string, headers (so no {@code Authorization} token, no
 * cookies) and bodies. Paths carry ids only, never secrets. Thread-safe.
 */
@WebFilter(filterName = "RequestLogFilter", urlPatterns = "/*", asyncSupported = true)
public class RequestLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger ACCESS = Logger.getLogger("org.electionpool.hub.access");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = CorrelationId.accept(request.getHeader(CorrelationId.HEADER));
        request.setAttribute(CorrelationId.ATTRIBUTE, id);
        response.setHeader(CorrelationId.HEADER, id);
        MDC.put("correlationId", id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            ACCESS.infof("%s %s %d %dms id=%s remote=%s", request.getMethod(), printable(request.getRequestURI()),
                    response.getStatus(), millis, id, request.getRemoteAddr());
            MDC.remove("correlationId");
        }
    }

    /** Keeps a hostile path from forging log lines: control characters become '?', length is capped. */
    static String printable(String path) {
        if (path == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(path.length(), 256));
        for (int i = 0; i < path.length() && i < 256; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (path.length() > 256) {
            out.append("…");
        }
        return out.toString();
    }
}

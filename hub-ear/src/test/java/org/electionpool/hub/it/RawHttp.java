package org.electionpool.hub.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send (matrix
 * parameters, dot segments, bad {@code Content-Length}, {@code TRACE}, hundreds of headers).
 * Sends {@code Connection: close} and reads to the end.
 */
final class RawHttp {

    /** A parsed answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** @param head request line and header lines, without the blank line; {@code Host} and {@code Connection} are added */
    static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(HttpClientSupport.HUB.getHost(), HttpClientSupport.HUB.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            String lines = head.replace("\n", "\r\n") + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            out.write(lines.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what was read so far is the answer
            }
            return parse(read.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder plain = new StringBuilder();
            int at = 0;
            while (true) {
                int crlf = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, crlf).trim(), 16);
                if (size == 0) {
                    break;
                }
                plain.append(body, crlf + 2, crlf + 2 + size);
                at = crlf + 2 + size + 2;
            }
            body = plain.toString();
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }
}

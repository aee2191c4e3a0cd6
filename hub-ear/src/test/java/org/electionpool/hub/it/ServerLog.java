package org.electionpool.hub.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's log as the in-container tests see it: what was written between a mark and now, so
 * a hostile case can assert that it reached no fallback mapper (no {@code Unhandled exception}).
 */
final class ServerLog {

    private ServerLog() {
    }

    private static Path file() {
        return Path.of(System.getProperty("jboss.server.log.dir", "."), "server.log");
    }

    /** @return the current end of the log */
    static long mark() throws IOException {
        return Files.exists(file()) ? Files.size(file()) : 0;
    }

    /** @return what was logged since {@code mark} (the log is flushed per line by WildFly's file handler) */
    static String since(long mark) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "r")) {
            long length = f.length();
            if (length <= mark) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - mark, 4 * 1024 * 1024)];
            f.seek(mark);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

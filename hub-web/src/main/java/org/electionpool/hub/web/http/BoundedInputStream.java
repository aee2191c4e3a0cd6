package org.electionpool.hub.web.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * An input stream that ends the request with {@link ProblemType#PAYLOAD_TOO_LARGE} as soon as more
 * than {@code limit} bytes are read, so a chunked body without {@code Content-Length} cannot
 * exhaust memory either. Not thread-safe (like any stream).
 */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    /**
     * @param in    the body stream
     * @param limit the largest number of bytes that may be read
     */
    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    /** @return the exception for a body larger than {@code limit} bytes */
    static HubException tooLarge(long limit) {
        return new HubException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
    }
}

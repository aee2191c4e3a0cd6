package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    @Test
    void bodyExactlyAtTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1024];
        try (InputStream in = new BoundedInputStream(new ByteArrayInputStream(body), 1024)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void oneByteOverTheLimitEndsTheRequestWith413() {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[1025]), 1024);
        HubException e = assertThrows(HubException.class, in::readAllBytes);
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, e.type());
        assertEquals("The request body is larger than the limit of 1024 bytes.", e.getMessage());
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[3]), 2);
        assertEquals(0, in.read());
        assertEquals(0, in.read());
        assertThrows(HubException.class, in::read);
    }

    @Test
    void skippedBytesAreCountedToo() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[10]), 5);
        assertThrows(HubException.class, () -> in.skip(6));
    }

    @Test
    void endOfStreamIsNotCounted() throws IOException {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[2]), 2);
        assertEquals(2, in.readAllBytes().length);
        assertEquals(-1, in.read());
    }
}

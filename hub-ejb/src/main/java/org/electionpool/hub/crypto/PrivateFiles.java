package org.electionpool.hub.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that hold private keys: readable and writable by the owner only (where the file
 * system has POSIX permissions), replaced atomically so a reader never sees half a file.
 */
public final class PrivateFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        /** @param out the stream to write to */
        void writeTo(OutputStream out) throws IOException, java.security.GeneralSecurityException;
    }

    private PrivateFiles() {
    }

    /**
     * @param file    the file to create or replace; its folder is created if missing
     * @param content what to write
     */
    public static void write(Path file, Content content) throws IOException, java.security.GeneralSecurityException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's permissions apply.
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

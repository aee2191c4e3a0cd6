package org.electionpool.hub.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The Flyway versions the built ear ships ({@code hub-ejb.jar!/db/migration/V<n>__*.sql}), so tests
 * expect what the build really contains rather than a number written into the test.
 */
final class ShippedMigrations {

    /** Resource through which in-container tests receive the list (computed outside the server). */
    static final String RESOURCE = "expected-migrations.txt";

    private static final Pattern MIGRATION = Pattern.compile("db/migration/V(\\d+)__[^/]+\\.sql");

    private ShippedMigrations() {
    }

    /** @return the versions in ascending order, e.g. ["1", "2", "3"] */
    static List<String> versions() {
        String ear = System.getProperty("hub.ear");
        if (ear == null) {
            return fromResource();
        }
        List<String> versions = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ear)) {
            ZipEntry ejb = zip.getEntry("hub-ejb.jar");
            try (InputStream in = zip.getInputStream(ejb);
                 ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(in.readAllBytes()))) {
                for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                    Matcher m = MIGRATION.matcher(e.getName());
                    if (m.matches()) {
                        versions.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.sort(Comparator.comparingInt(Integer::parseInt));
        if (versions.isEmpty()) {
            throw new IllegalStateException("no migrations found in " + ear);
        }
        return versions;
    }

    /** @return the newest version */
    static String latest() {
        List<String> all = versions();
        return all.get(all.size() - 1);
    }

    private static List<String> fromResource() {
        try (InputStream in = ShippedMigrations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("neither hub.ear nor " + RESOURCE + " is available");
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.electionpool.hub.web.taxii;

import java.util.Locale;

/** The TAXII 2.1 media type rules (OASIS TAXII 2.1 §1.6.8): what is sent, accepted and refused. */
final class TaxiiMedia {

    /** What every TAXII answer carries, exactly (clients compare it as a string). */
    static final String TAXII = "application/taxii+json;version=2.1";

    /** The path prefix of the TAXII surface. */
    static final String PREFIX = "taxii2";

    private TaxiiMedia() {
    }

    /**
     * @param accept the Accept header, or {@code null}
     * @return whether a TAXII 2.1 answer is acceptable: no header, {@code *}{@code /*},
     *         {@code application/*}, or {@code application/taxii+json} without a version or with 2.1
     */
    static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.strip().toLowerCase(Locale.ROOT).split(";");
            String type = parts[0].strip();
            if (type.equals("*/*") || type.equals("application/*")) {
                return true;
            }
            if (type.equals("application/taxii+json") && versionOk(parts)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a request body's Content-Type is TAXII 2.1 ({@code application/taxii+json}, version absent or 2.1) */
    static boolean isTaxii(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.strip().toLowerCase(Locale.ROOT).split(";");
        return parts[0].strip().equals("application/taxii+json") && versionOk(parts);
    }

    private static boolean versionOk(String[] parts) {
        for (int k = 1; k < parts.length; k++) {
            String p = parts[k].strip();
            if (p.startsWith("version=") && !p.equals("version=2.1") && !p.equals("version=\"2.1\"")) {
                return false;
            }
        }
        return true;
    }
}

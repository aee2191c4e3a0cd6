package org.electionpool.hub.web.http;

/**
 * Which request paths belong to the HXP/1-protected API.
 */
public final class ApiPaths {

    private static final String API_PREFIX = "api/v1/";

    /** The public audit endpoints (docs/audit-log.md): hashes only, no authentication. */
    private static final java.util.Set<String> PUBLIC = java.util.Set.of("api/v1/audit/checkpoint",
            "api/v1/audit/proofs/consistency");

    private ApiPaths() {
    }

    /**
     * @param path the request path relative to the application root, with or without leading slash
     * @return whether the path is under the HXP-protected API ({@code /api/v1} and below, except
     *         the public audit endpoints)
     */
    public static boolean isProtected(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return (p.startsWith(API_PREFIX) || p.equals("api/v1")) && !PUBLIC.contains(p);
    }
}

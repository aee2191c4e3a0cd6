package org.electionpool.hub.web.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which request paths the hub accepts, and which of them belong to the HXP/1-protected API.
 *
 * <p>The hub accepts one form of a path only, its canonical form, and decides everything on the
 * raw request path as received (before the servlet container or Jakarta REST decode, strip or
 * resolve anything): a path is canonical when it starts with {@code /} and consists of segments
 * of the characters {@code A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , = : @}, none of them empty
 * (no {@code //}; one trailing {@code /} is allowed), {@code .} or {@code ..}. So there are no
 * matrix parameters ({@code ;}), no percent-encoding (no encoded slash, dot or backslash), no
 * backslash and no dot segments: the hub's own paths never need them, and every other form of a
 * path would be a second name for a resource that a filter could mistake for another
 * (docs/protocol.md §3.1). A request whose path is not canonical is refused before any other
 * check, by {@link RequestTargetFilter}.
 */
public final class ApiPaths {

    private static final String API_PREFIX = "api/v1/";

    /** The public audit endpoints (docs/audit-log.md): hashes only, no authentication. */
    private static final Set<String> PUBLIC = Set.of("api/v1/audit/checkpoint", "api/v1/audit/proofs/consistency");

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@-]+");

    /** Longest path the hub accepts, in characters. */
    public static final int MAX_PATH_CHARS = 2048;

    private ApiPaths() {
    }

    /**
     * @param path the request path relative to the application root, with or without leading
     *             slash, already known to be canonical
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

    /**
     * @param rawPath the request path exactly as received (no query)
     * @return why the path is not canonical, or empty if it is
     */
    public static Optional<String> whyNotCanonical(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("The request path must start with '/'.");
        }
        if (rawPath.length() > MAX_PATH_CHARS) {
            return Optional.of("The request path is longer than " + MAX_PATH_CHARS + " characters.");
        }
        if (rawPath.equals("/")) {
            return Optional.empty();
        }
        String body = rawPath.substring(1);
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("The request path has an empty segment ('//').");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("The request path has a dot segment.");
            }
            if (segment.indexOf(';') >= 0) {
                return Optional.of("The request path has matrix parameters (';'), which the hub does not accept.");
            }
            if (segment.indexOf('%') >= 0) {
                return Optional.of("The request path is percent-encoded, which no path of the hub needs.");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("The request path has characters no path of the hub has.");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a non-canonical path as leniently as any component might (matrix parameters dropped,
     * percent-decoding repeated, backslashes as slashes, empty and dot segments resolved, case
     * folded), so that a refusal of a path that could reach the API is recorded as an API refusal.
     *
     * @param rawPath the request path exactly as received
     * @return whether some reading of the path falls under {@code /api}
     */
    public static boolean mayReachApi(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String p = rawPath;
        for (int i = 0; i < 4 && p.indexOf('%') >= 0; i++) {
            p = percentDecode(p);
        }
        p = p.replace('\\', '/').toLowerCase(Locale.ROOT);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : p.split("/")) {
            int semicolon = segment.indexOf(';');
            String s = (semicolon >= 0 ? segment.substring(0, semicolon) : segment).trim();
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(s);
        }
        return "api".equals(segments.peekFirst());
    }

    private static String percentDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

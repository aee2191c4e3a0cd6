package org.electionpool.hub.people.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which passwords a person may choose, per OWASP ASVS 5.0 §6.2: at least {@value #MIN_LENGTH}
 * characters (the length ASVS strongly recommends; 6.2.1) and up to {@value #MAX_LENGTH} (6.2.9
 * asks that at least 64 be allowed); every Unicode character, spaces included, counted after NFC
 * and never truncated (6.2.4, 6.2.6); no composition rules (6.2.5); not one of the 30,000 most
 * common passwords (6.2.4, the zxcvbn 4.4.2 list, MIT, shipped as
 * {@code people/common-passwords.txt}), compared case-insensitively; and not the user name or the
 * organisation id, or containing them (6.2.11, context-specific words).
 *
 * <p>The answer is a list of message keys (translated by the UI), empty when the password is acceptable.
 */
public final class PasswordPolicy {

    /** Fewest characters. */
    public static final int MIN_LENGTH = 15;

    /** Most characters. */
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * @param password     the candidate
     * @param username     the person's user name
     * @param organization the person's organisation id
     * @return the message keys of what is wrong: {@code password.too-short}, {@code password.too-long},
     *         {@code password.common}, {@code password.context}; empty when acceptable
     */
    public static List<String> problems(String password, String username, String organization) {
        List<String> out = new ArrayList<>();
        String p = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            out.add("password.too-short");
        }
        if (length > MAX_LENGTH) {
            out.add("password.too-long");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || COMMON.contains(lower.strip())) {
            out.add("password.common");
        }
        for (String word : new String[] {username, organization}) {
            if (word != null && word.length() >= 3 && lower.contains(word.toLowerCase(Locale.ROOT))) {
                out.add("password.context");
                break;
            }
        }
        return out;
    }

    /** @return whether the list holds the password (case-insensitively) */
    public static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    /** @return how many passwords the list holds */
    static int listSize() {
        return COMMON.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream("people/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing people/common-passwords.txt");
            }
            Set<String> out = new HashSet<>(40_000);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    out.add(line.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

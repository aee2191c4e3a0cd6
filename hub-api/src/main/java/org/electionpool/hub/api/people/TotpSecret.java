package org.electionpool.hub.api.people;

/**
 * A new second-factor secret for a person to add to an authenticator app (RFC 6238, SHA-1,
 * 6 digits, 30 s steps).
 *
 * @param base32 the secret in RFC 4648 base32 without padding, as typed into an app
 * @param uri    the {@code otpauth://totp/…} URI an app reads from a QR code
 */
public record TotpSecret(String base32, String uri) {

    @Override
    public String toString() {
        return "TotpSecret[(hidden)]";
    }
}

package org.electionpool.hub.api.people;

import java.io.Serializable;
import java.net.URI;

/**
 * One OIDC sign-in in flight, held in the browser's session between the redirect to the provider
 * and its return (never sent to the browser but as the authorization request's parameters).
 *
 * @param authorization the authorization request URI to send the browser to
 * @param state         the anti-CSRF {@code state} (RFC 6749 §10.12), 256 random bits
 * @param nonce         the ID token's expected {@code nonce}, 256 random bits
 * @param codeVerifier  the PKCE code verifier (RFC 7636), 256 random bits
 */
public record OidcRequest(URI authorization, String state, String nonce, String codeVerifier) implements Serializable {

    /** The session attribute that holds it. */
    public static final String ATTRIBUTE = "hub.ui.oidc";
}

package org.electionpool.hub.api.people;

import java.io.Serializable;
import java.net.URI;

/**
 * One OIDC sign-in in flight, held by the web tier between the redirect to the provider and its
 * return, keyed by its {@code state} (the browser gets only the authorization request's
 * parameters and a cookie naming the state).
 *
 * @param authorization the authorization request URI to send the browser to
 * @param state         the anti-CSRF {@code state} (RFC 6749 §10.12), 256 random bits
 * @param nonce         the ID token's expected {@code nonce}, 256 random bits
 * @param codeVerifier  the PKCE code verifier (RFC 7636), 256 random bits
 */
public record OidcRequest(URI authorization, String state, String nonce, String codeVerifier) implements Serializable {
}

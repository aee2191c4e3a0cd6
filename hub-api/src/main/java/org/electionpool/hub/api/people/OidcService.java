package org.electionpool.hub.api.people;

import jakarta.ejb.Local;
import java.util.Optional;

/**
 * Sign-in through an OpenID Connect provider (OIDC Core 1.0, authorization code flow with PKCE,
 * RFC 7636), an option beside local accounts, switched on by configuration ({@code hub.oidc.*},
 * docs/ui.md). The provider's ID token names the person, their organisation and their roles
 * (configurable claims); the hub keeps such a person as a federated account that has no password
 * and can sign in only through the provider. A role never widens what the organisation may do:
 * roles outside those its kind allows are dropped, and a person with none left is refused.
 */
@Local
public interface OidcService {

    /** @return whether OIDC sign-in is configured */
    boolean enabled();

    /**
     * Begins a sign-in: fresh {@code state}, {@code nonce} and PKCE verifier, and the provider's
     * authorization request to redirect the browser to. The caller keeps the result, bound to that
     * browser, until the provider sends the browser back (docs/ui.md, OIDC).
     *
     * @return empty when OIDC is not configured or the provider cannot be reached
     */
    Optional<OidcRequest> start();

    /**
     * Completes a sign-in: checks {@code state} against the request's, exchanges the code (with
     * the PKCE verifier), verifies the ID token (signature by a key of the provider's JWK Set,
     * issuer, audience, expiry, {@code nonce}) and maps its claims. Audited as
     * {@code person.signed.in} (method {@code oidc}) or {@code person.signin.failed}.
     *
     * @param request       what {@link #start()} returned for this browser
     * @param state         the {@code state} the provider sent back
     * @param code          the authorization code, or {@code null} when the provider sent an error
     * @param remoteAddress the browser's address
     * @return {@code SIGNED_IN} with the session, or {@code FAILED} for every reason alike
     */
    SignIn finish(OidcRequest request, String state, String code, String remoteAddress);
}

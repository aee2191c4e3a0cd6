package org.electionpool.hub.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import org.electionpool.hub.api.hxp.OpenedRequest;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.api.security.Caller;

/**
 * Who caused an audited change and through which signed message: the actor part of every audit
 * entry (docs/audit-log.md §2). Every service method that changes state takes one, so the change
 * and its entry are written in one transaction by code that cannot forget the evidence.
 *
 * @param channel        how the action reached the hub; never {@code null}
 * @param actorOrg       the acting organisation, or {@code null} for the hub itself or an
 *                       unauthenticated sender
 * @param actorPrincipal the signing key id or person that acted, or the hub component; may be {@code null}
 * @param jti            the request's token id, or {@code null} without a signed request
 * @param evidence       the sender's compact JWS exactly as received, or {@code null}
 * @param bodySha256     standard base64 of SHA-256 over the RFC 8785 form of the request's
 *                       {@code body} claim, or {@code null} for a request without a body
 * @param receivedAt     when the hub verified the sender's signature (the time its key had to be
 *                       valid at), or {@code null} without a signed request
 */
public record AuditContext(Caller.Channel channel, OrganizationId actorOrg, String actorPrincipal, String jti,
                           String evidence, String bodySha256, java.time.Instant receivedAt) {

    /** Checks that the channel is set. */
    public AuditContext {
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * @param opened a request whose envelope passed every check
     * @return the context naming its sender, signing key, {@code jti}, signed message and body digest
     *         (the one computed when the envelope was opened: the body is not canonicalised again)
     */
    public static AuditContext of(OpenedRequest opened) {
        Caller caller = opened.caller();
        return new AuditContext(caller.channel(), caller.organization(), caller.principal(), opened.jti(),
                opened.evidence(), opened.bodySha256(), opened.receivedAt());
    }

    /**
     * @param component the part of the hub acting on its own (for example {@code demo-seeder})
     * @return a context for an action of the hub itself (channel {@code SYSTEM})
     */
    public static AuditContext system(String component) {
        return new AuditContext(Caller.Channel.SYSTEM, null, Objects.requireNonNull(component, "component"), null,
                null, null, null);
    }

    /** @return a context for an API request whose sender could not be authenticated */
    public static AuditContext unauthenticated() {
        return new AuditContext(Caller.Channel.API, null, null, null, null, null, null);
    }

    /** @return standard base64 of SHA-256 over the bytes */
    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** @return standard base64 of SHA-256 over the UTF-8 bytes of the text */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.electionpool.hub.hxp.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.protocol.hxp.Hxp;
import org.electionpool.hub.api.hxp.HxpConfiguration;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.NoteVerifierKey;
import org.electionpool.hub.system.HubConfiguration;

/**
 * Builds the discovery documents from the configuration and the hub's keys. Public keys only:
 * {@link com.nimbusds.jose.jwk.JWKSet#toString()} (the default, {@code publicKeysOnly = true})
 * never writes a private member.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DiscoveryServiceBean implements DiscoveryService {

    @Inject
    HubKeys keys;

    @Inject
    HubConfiguration configuration;

    @Override
    public String publicJwks() {
        return keys.publicJwksJson();
    }

    @Override
    public HxpConfiguration configuration() {
        String issuer = configuration.issuer().toString();
        String origin = configuration.auditOrigin();
        return new HxpConfiguration(issuer, issuer + Hxp.JWKS_PATH, issuer + Hxp.API_BASE_PATH, "HXP/1",
                Hxp.MEDIA_TYPE, Hxp.REQUEST_TYP, Hxp.RESPONSE_TYP, Hxp.JWS_ALGORITHMS, Hxp.JWE_ALGORITHMS,
                Hxp.JWE_ENCRYPTION, Hxp.MAX_LIFETIME_SECONDS, Hxp.CLOCK_SKEW_SECONDS, Hxp.MAX_BODY_BYTES,
                new HxpConfiguration.AuditLog(origin, NoteVerifierKey.of(origin, keys.auditLogKey().getPublic()),
                        issuer + Hxp.API_BASE_PATH + "/audit/checkpoint"));
    }
}

package org.electionpool.hub.people.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.electionpool.hub.api.audit.AuditContext;
import org.electionpool.hub.api.people.AttestationService;
import org.electionpool.hub.api.people.UiRequest;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.api.security.Caller;
import org.electionpool.hub.crypto.HubKeys;
import org.electionpool.hub.crypto.UiAttestation;
import org.electionpool.hub.system.HubConfiguration;

/**
 * Signs the hub's attestation of one request of a signed-in person ({@link AttestationService}).
 * Claims: {@code iss} the hub's issuer, {@code sub} the user name, {@code org} the organisation,
 * {@code jti} a fresh UUID, {@code iat} seconds, {@code sid_sha256}, {@code method}, {@code view},
 * {@code action}, {@code form_sha256} (absent for a read), {@code remote_address}.
 */
@Stateless
public class AttestationServiceBean implements AttestationService {

    @Inject
    HubKeys hubKeys;

    @Inject
    HubConfiguration configuration;

    @Inject
    Clock clock;

    @Override
    public AuditContext attest(Caller person, UiRequest request) {
        if (person.channel() != Caller.Channel.UI) {
            throw new HubException(ProblemType.FORBIDDEN, "Only a person's request in the web UI is attested by the hub.");
        }
        Instant now = clock.instant();
        String jti = UUID.randomUUID().toString();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", configuration.issuer().toString());
        claims.put("sub", person.principal());
        claims.put("org", person.organization().value());
        claims.put("jti", jti);
        claims.put("iat", now.getEpochSecond());
        claims.put("sid_sha256", request.sessionSha256());
        claims.put("method", request.method());
        claims.put("view", request.view());
        claims.put("action", request.action());
        if (request.formSha256() != null) {
            claims.put("form_sha256", request.formSha256());
        }
        if (request.remoteAddress() != null) {
            claims.put("remote_address", request.remoteAddress());
        }
        String jws = UiAttestation.sign(hubKeys.signingKey(), claims);
        return new AuditContext(Caller.Channel.UI, person.organization(), person.principal(), jti, jws,
                request.formSha256(), now);
    }
}

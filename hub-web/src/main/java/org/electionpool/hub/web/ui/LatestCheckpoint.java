package org.electionpool.hub.web.ui;

import org.electionpool.hub.api.audit.AuditService;
import org.electionpool.hub.api.hxp.DiscoveryService;
import org.electionpool.hub.protocol.log.Checkpoint;
import org.electionpool.hub.protocol.log.SignedNote;

/** The audit log's latest checkpoint as a page shows it: its C2SP signature checked with the log's published verifier key. */
final class LatestCheckpoint {

    private LatestCheckpoint() {
    }

    /** @return the latest checkpoint, opened with the verifier key of the hub's discovery document */
    static Checkpoint read(AuditService audit, DiscoveryService discovery) {
        SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(discovery.configuration().auditLog().verifierKey());
        return Checkpoint.parse(SignedNote.open(audit.latestCheckpoint(), key));
    }
}

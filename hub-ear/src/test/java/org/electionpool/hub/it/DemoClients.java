package org.electionpool.hub.it;

import java.nio.file.Path;
import org.electionpool.hub.client.HubClient;

/**
 * {@link HubClient}s for the demo organisations the dev hub seeds, reading their private JWKS from
 * the dev-keys folder of the server under test.
 */
public final class DemoClients {

    public static final String OPERATOR = "hub-operator";
    public static final String MINISTRY = "ministry-of-justice-fi";
    public static final String ELECTION_AUTHORITY = "election-authority-fi";
    public static final String PLATFORM_A = "platform-alpha";
    public static final String PLATFORM_B = "platform-beta";
    public static final String AUDITOR = "auditor-national-audit-office";
    static final String[] ALL = {MINISTRY, ELECTION_AUTHORITY, PLATFORM_A, PLATFORM_B, AUDITOR, OPERATOR};

    private DemoClients() {
    }

    /** @return the folder the dev hub writes {@code <orgId>.jwks.json} to */
    static Path devKeys() {
        String serverData = System.getProperty("jboss.server.data.dir"); // set when running inside the server
        return serverData != null ? Path.of(serverData, "hub", "dev-keys")
                : Path.of(System.getProperty("jboss.home"), "standalone", "data", "hub", "dev-keys");
    }

    /** @return a client acting as {@code orgId} */
    public static HubClient as(String orgId) {
        return HubClient.builder().hub(HttpClientSupport.HUB).organization(orgId)
                .privateJwks(devKeys().resolve(orgId + ".jwks.json")).retries(0).build();
    }
}

package org.electionpool.archfixture.client;

/** Breaks "the client uses the protocol only": a client that hands out the hub's service interface. */
public class FatClient {
    public org.electionpool.archfixture.api.CaseService cases() {
        return null;
    }
}

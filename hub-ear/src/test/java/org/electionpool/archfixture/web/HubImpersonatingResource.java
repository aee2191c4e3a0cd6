package org.electionpool.archfixture.web;

import org.electionpool.archfixture.api.security.Caller;

/** Breaks "the web tier never acts as the hub itself": makes a SYSTEM caller for a request. */
public class HubImpersonatingResource {
    public Caller caller() {
        return Caller.system("web");
    }
}

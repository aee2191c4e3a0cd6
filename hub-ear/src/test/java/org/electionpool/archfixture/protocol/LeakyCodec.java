package org.electionpool.archfixture.protocol;

/** Breaks "protocol stands alone": protocol code that reaches into the hub's contracts. */
public class LeakyCodec {
    public String name(org.electionpool.archfixture.api.CaseService service) {
        return service.getClass().getName();
    }
}

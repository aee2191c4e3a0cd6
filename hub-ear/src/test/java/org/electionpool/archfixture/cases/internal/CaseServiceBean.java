package org.electionpool.archfixture.cases.internal;

import org.electionpool.archfixture.api.CaseService;

/** Breaks "ejb never reaches up": returns a REST response type. */
public class CaseServiceBean implements CaseService {
    @Override
    public String open() {
        return String.valueOf(jakarta.ws.rs.core.Response.Status.CREATED);
    }
}

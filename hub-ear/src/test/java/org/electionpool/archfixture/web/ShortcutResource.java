package org.electionpool.archfixture.web;

import org.electionpool.archfixture.cases.internal.CaseServiceBean;

/** Breaks "web uses api only": calls the EJB implementation directly. */
public class ShortcutResource {
    public String open() {
        return new CaseServiceBean().open();
    }
}

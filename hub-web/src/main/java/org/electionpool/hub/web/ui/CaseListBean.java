package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.electionpool.hub.api.cases.CaseFilter;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CasePage;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.api.problem.HubException;

/**
 * The case list with the API's filters (state, kind, overdue, election) and its keyset paging
 * ({@code after}, the API's cursor): a bookmarkable GET page.
 */
@Named
@RequestScoped
public class CaseListBean {

    /** Cases per page. */
    static final int PAGE = 25;

    @EJB
    CaseService cases;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private String status;
    private String kind;
    private String overdue;
    private String election;
    private String after;
    private CasePage page;

    /** @return the page of cases, read once per request (an audited read), or an empty page after a refusal */
    public CasePage getPage() {
        if (page == null) {
            try {
                CaseStatus s = status == null || status.isBlank() ? null : CaseStatus.valueOf(status);
                CaseKind k = kind == null || kind.isBlank() ? null : CaseKind.valueOf(kind);
                Boolean o = "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null;
                String e = election == null || election.isBlank() ? null : election.strip();
                page = cases.list(ui.caller(), ui.attest("case.list", null),
                        new CaseFilter(s, k, o, e, null, after == null || after.isBlank() ? null : after, PAGE));
            } catch (IllegalArgumentException e) {
                problems.global(ui.text("problem.invalid-parameter"));
                page = new CasePage(java.util.List.of(), null);
            } catch (HubException e) {
                problems.show(e);
                page = new CasePage(java.util.List.of(), null);
            }
        }
        return page;
    }

    public CaseStatus[] getStatuses() {
        return CaseStatus.values();
    }

    public CaseKind[] getKinds() {
        return CaseKind.values();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOverdue() {
        return overdue;
    }

    public void setOverdue(String overdue) {
        this.overdue = overdue;
    }

    public String getElection() {
        return election;
    }

    public void setElection(String election) {
        this.election = election;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}

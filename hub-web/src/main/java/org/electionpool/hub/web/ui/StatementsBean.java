package org.electionpool.hub.web.ui;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.electionpool.hub.api.cases.CaseService;
import org.electionpool.hub.api.cases.StatementList;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.web.http.StrictJsonbResolver;

/**
 * A platform's download of its item responses as DSA Transparency Database statements of reasons:
 * the same export as {@code GET /api/v1/cases/statements?since=} (docs/dsa-statements.md), byte for
 * byte the API's JSON, for cases updated at or after a local time in the person's time zone (or all),
 * saved as {@code dsa-statements.json}.
 */
@Named
@RequestScoped
public class StatementsBean {

    @EJB
    CaseService cases;

    @Inject
    UiContext ui;

    @Inject
    Problems problems;

    private String since;

    /** Sends {@code dsa-statements.json}, or shows the service's refusal (more than 1,000 cases: a later "since"). */
    public void download() throws IOException {
        String at = FormValues.blank(since);
        Instant from = FormValues.instant(ui, problems, "since", at);
        if (problems.isAny()) {
            problems.global(ui.text("problem.validation-failed"));
            return;
        }
        Map<String, Object> form = new HashMap<>();
        form.put("since", at);
        StatementList list;
        try {
            list = cases.statements(ui.caller(), ui.attest("case.statements", form), from);
        } catch (HubException e) {
            problems.show(e);
            return;
        }
        Downloads.json("dsa-statements.json", StrictJsonbResolver.JSONB.toJson(list));
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }
}

package org.electionpool.hub.cases.internal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.electionpool.hub.api.cases.CaseSummary;
import org.electionpool.hub.api.cases.CaseView;
import org.electionpool.hub.api.cases.CreateCaseRequest;
import org.electionpool.hub.api.cases.ItemResponseRequest;
import org.electionpool.hub.api.cases.MessageView;
import org.electionpool.hub.api.organizations.OrganizationId;
import org.electionpool.hub.cases.domain.CaseItem;
import org.electionpool.hub.cases.domain.CaseMessage;
import org.electionpool.hub.cases.domain.NewCase;
import org.electionpool.hub.cases.domain.TakedownCase;

/**
 * Builds views from the case aggregate (entities never leave the EJB module), and the aggregate's
 * {@link NewCase} from the wire request.
 */
final class CaseAssembler {

    /** Serialises statements of reasons; thread-safe. */
    static final Jsonb JSONB = JsonbBuilder.create();

    private CaseAssembler() {
    }

    static CaseView toView(TakedownCase c, List<String> linked, Instant now) {
        List<CaseView.ItemView> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            CaseItem item = c.items().get(i);
            CaseView.ResponseView response = item.answered() ? new CaseView.ResponseView(item.outcome(),
                    item.actionTakenAt(), item.tcoReason(),
                    JSONB.fromJson(item.statementJson(), ItemResponseRequest.Statement.class), item.respondedAt()) : null;
            items.add(new CaseView.ItemView(i + 1, item.type(), item.value(), item.normalized(), item.description(),
                    response));
        }
        CreateCaseRequest.Official official = c.officialName() == null ? null
                : new CreateCaseRequest.Official(c.officialName(), c.officialRole());
        return new CaseView(c.id().value(), c.clientRef(), c.kind(), c.status(), c.overdue(now), c.authority().value(),
                c.addressee().value(), c.reference(), c.title(), c.issuedAt(), official, c.contact(), c.legalBasis(),
                c.statementOfReasons(), c.category(), c.territorialScope(), c.redress(), c.language(),
                c.providerMayBeInformed(), c.priority(), c.tlp(), c.election(), c.deadline(), items, linked,
                c.createdAt(), c.updatedAt());
    }

    /** @return what the validated request asks for, as the aggregate is built from it */
    static NewCase toNewCase(CreateCaseRequest r) {
        NewCase.Official official = r.issuingOfficial() == null ? null
                : new NewCase.Official(r.issuingOfficial().name(), r.issuingOfficial().role());
        return new NewCase(r.clientRef(), r.kind(), new OrganizationId(r.addressee()), r.reference(), r.title(),
                r.issuedAt(), official, r.contact(), r.legalBasis(), r.statementOfReasons(), r.category(),
                r.territorialScope(), r.redress(), r.language(), r.providerMayBeInformed(), r.priority(), r.tlp(),
                r.election(), r.deadline());
    }

    static CaseSummary toSummary(TakedownCase c, Instant now) {
        return new CaseSummary(c.id().value(), c.kind(), c.status(), c.overdue(now), c.authority().value(),
                c.addressee().value(), c.reference(), c.title(), c.priority(), c.election(), c.deadline(),
                c.createdAt(), c.updatedAt());
    }

    static MessageView toView(int number, CaseMessage m) {
        return new MessageView(number, m.authorOrg(), m.authorPrincipal(), m.text(), m.item(), m.action(),
                m.fromStatus(), m.toStatus(), m.createdAt());
    }
}

package org.electionpool.hub.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.electionpool.hub.api.cases.CaseAction;
import org.electionpool.hub.api.cases.CaseStatus;

/**
 * One entry of a case's thread: a message, or a lifecycle step with its optional note. Immutable
 * once written.
 */
@Embeddable
public class CaseMessage {

    @Column(name = "author_org", length = 64, nullable = false, updatable = false)
    private String authorOrg;

    @Column(name = "author_principal", length = 256, updatable = false)
    private String authorPrincipal;

    @Column(name = "text", length = 10000, updatable = false)
    private String text;

    @Column(name = "item_no", updatable = false)
    private Integer item;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 32, updatable = false)
    private CaseAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 32, updatable = false)
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 32, updatable = false)
    private CaseStatus toStatus;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** For JPA only. */
    protected CaseMessage() {
    }

    CaseMessage(String authorOrg, String authorPrincipal, String text, Integer item, CaseAction action,
                CaseStatus fromStatus, CaseStatus toStatus, Instant createdAt) {
        this.authorOrg = authorOrg;
        this.authorPrincipal = authorPrincipal;
        this.text = text;
        this.item = item;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.createdAt = createdAt;
    }

    public String authorOrg() {
        return authorOrg;
    }

    public String authorPrincipal() {
        return authorPrincipal;
    }

    public String text() {
        return text;
    }

    public Integer item() {
        return item;
    }

    public CaseAction action() {
        return action;
    }

    public CaseStatus fromStatus() {
        return fromStatus;
    }

    public CaseStatus toStatus() {
        return toStatus;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

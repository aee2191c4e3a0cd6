package org.electionpool.hub.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;
import org.electionpool.hub.api.cases.ItemType;
import org.electionpool.hub.api.cases.Outcome;
import org.electionpool.hub.api.cases.TcoReason;

/**
 * One item of a case and the platform's response to it.
 *
 * <p>Invariants: type, value and normalised value never change; a response has an outcome, a
 * time of action and a statement, and a TCO reason exactly when the outcome is
 * {@link Outcome#CANNOT_COMPLY}.
 */
@Embeddable
public class CaseItem {

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 32, nullable = false, updatable = false)
    private ItemType type;

    @Column(name = "item_value", length = 2048, nullable = false, updatable = false)
    private String value;

    @Column(name = "normalized", length = 2100, nullable = false, updatable = false)
    private String normalized;

    @Column(name = "normalized_sha256", length = 44, nullable = false, updatable = false)
    private String normalizedSha256;

    @Column(name = "description", length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", length = 32)
    private Outcome outcome;

    @Column(name = "action_taken_at")
    private Instant actionTakenAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "tco_reason", length = 32)
    private TcoReason tcoReason;

    /**
     * Longest statement JSON the column holds (V11): the statement's fields at their longest,
     * every character escaped as a six-character unicode escape, fit with room to spare.
     */
    public static final int STATEMENT_JSON_LENGTH = 40_000;

    @Column(name = "statement", length = STATEMENT_JSON_LENGTH)
    private String statementJson;

    @Column(name = "responded_at")
    private Instant respondedAt;

    /** For JPA only. */
    protected CaseItem() {
    }

    /**
     * @param type        the item type
     * @param value       the value as sent
     * @param description optional context
     * @param digest      computes the standard-base64 SHA-256 of the normalised value
     */
    public CaseItem(ItemType type, String value, String description, java.util.function.UnaryOperator<String> digest) {
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value").strip();
        this.normalized = ItemNormalizer.normalize(type, value);
        this.normalizedSha256 = digest.apply(normalized);
        this.description = description;
    }

    /**
     * Records or replaces the response.
     *
     * @throws IllegalArgumentException if the TCO reason does not fit the outcome
     */
    void respond(Outcome outcome, Instant actionTakenAt, TcoReason tcoReason, String statementJson, Instant now) {
        if ((outcome == Outcome.CANNOT_COMPLY) != (tcoReason != null)) {
            throw new IllegalArgumentException(outcome == Outcome.CANNOT_COMPLY
                    ? "CANNOT_COMPLY needs a tcoReason" : "a tcoReason only goes with CANNOT_COMPLY");
        }
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.actionTakenAt = Objects.requireNonNull(actionTakenAt, "actionTakenAt");
        this.tcoReason = tcoReason;
        this.statementJson = Objects.requireNonNull(statementJson, "statementJson");
        this.respondedAt = now;
    }

    public ItemType type() {
        return type;
    }

    public String value() {
        return value;
    }

    public String normalized() {
        return normalized;
    }

    public String normalizedSha256() {
        return normalizedSha256;
    }

    public String description() {
        return description;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant actionTakenAt() {
        return actionTakenAt;
    }

    public TcoReason tcoReason() {
        return tcoReason;
    }

    public String statementJson() {
        return statementJson;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    /** @return whether the platform has responded */
    public boolean answered() {
        return outcome != null;
    }
}

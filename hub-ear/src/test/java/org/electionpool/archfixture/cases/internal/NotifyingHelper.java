package org.electionpool.archfixture.cases.internal;

/** Breaks "X.internal is used only from X": cases reaching into webhooks' implementation. */
public class NotifyingHelper {
    public void notify(org.electionpool.archfixture.webhooks.internal.Outbox outbox) {
        outbox.enqueue("case.created");
    }
}

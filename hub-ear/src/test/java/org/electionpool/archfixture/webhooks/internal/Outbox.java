package org.electionpool.archfixture.webhooks.internal;

/** A domain's implementation class, for the "internal stays in its domain" fixture. */
public class Outbox {
    public void enqueue(String event) {
    }
}

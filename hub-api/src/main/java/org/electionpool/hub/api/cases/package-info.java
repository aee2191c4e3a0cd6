/**
 * The case exchange's contract: cases between one authority and one platform, their items, the
 * lifecycle ({@link org.electionpool.hub.api.cases.CaseStatus}, with the one list of states in which
 * the deadline runs, {@code CLOCK_RUNS}), per-item responses, the message thread, attachments
 * addressed by {@link org.electionpool.hub.api.cases.Sha256}, the inbox, and the list views and
 * DSA statements of reasons ({@link org.electionpool.hub.api.cases.StatementOfReasons}) the
 * service answers with.
 */
package org.electionpool.hub.api.cases;

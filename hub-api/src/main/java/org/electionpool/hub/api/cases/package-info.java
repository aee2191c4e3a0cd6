/**
 * The case exchange's contract: cases between one authority and one platform, their items, the
 * lifecycle ({@link org.electionpool.hub.api.cases.CaseStatus}), per-item responses, the message
 * thread and the inbox.
 */
package org.electionpool.hub.api.cases;

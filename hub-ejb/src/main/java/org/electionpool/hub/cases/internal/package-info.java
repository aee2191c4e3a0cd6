/**
 * The case exchange as transactional EJBs: {@link org.electionpool.hub.cases.internal.CaseServiceBean}
 * (load, call one aggregate method, save, publish), {@link org.electionpool.hub.cases.internal.CaseEvents}
 * (one event → the audit entry, the parties' inbox events and webhook deliveries, in one
 * transaction), the inbox streams, the deadline watch, the JPA repository and the assembler of views.
 */
package org.electionpool.hub.cases.internal;

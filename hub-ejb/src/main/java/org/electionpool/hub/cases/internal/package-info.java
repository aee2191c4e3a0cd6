/**
 * The case exchange as transactional EJBs: {@link org.electionpool.hub.cases.internal.CaseServiceBean}
 * (every change and read with its audit entry and inbox events in one transaction), the JPA
 * repository and the assembler of views.
 */
package org.electionpool.hub.cases.internal;

/**
 * The case aggregate ({@link org.electionpool.hub.cases.domain.TakedownCase}) with its items and
 * thread, the {@link org.electionpool.hub.cases.domain.CaseEvent} each of its changes returns, the
 * inbox cursor, and the item normalisation that links cases about the same thing. No container
 * types.
 */
package org.electionpool.hub.cases.domain;

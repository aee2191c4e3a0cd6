/**
 * The case aggregate ({@link org.electionpool.hub.cases.domain.TakedownCase}) with its items and
 * thread, and the item normalisation that links cases about the same thing. No container types.
 */
package org.electionpool.hub.cases.domain;

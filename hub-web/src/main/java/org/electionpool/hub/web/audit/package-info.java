/**
 * REST resources of the audit log ({@code /api/v1/audit}); the checkpoint and consistency proofs
 * are public (hashes only), everything else comes over HXP/1. Query parameters are
 * {@code @BeanParam} classes with Bean Validation constraints.
 */
package org.electionpool.hub.web.audit;

/**
 * The audit log in the hub: appends (serialised through a row lock on the log head, in the
 * caller's transaction), the stored complete-subtree hashes, signed checkpoints and proofs.
 */
package org.electionpool.hub.audit.internal;

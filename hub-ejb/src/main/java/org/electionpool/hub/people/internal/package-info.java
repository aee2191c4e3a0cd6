/**
 * The people service's EJBs: accounts, sign-in with its throttle, and the hub's attestations of
 * persons' requests (docs/ui.md).
 */
package org.electionpool.hub.people.internal;

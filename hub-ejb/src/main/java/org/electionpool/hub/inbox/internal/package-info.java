/** The inbox domain's implementation: the counter rows' creation in a transaction of their own. */
package org.electionpool.hub.inbox.internal;

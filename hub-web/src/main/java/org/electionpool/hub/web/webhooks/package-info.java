/** REST resource of the caller's own webhook and its delivery log. */
package org.electionpool.hub.web.webhooks;

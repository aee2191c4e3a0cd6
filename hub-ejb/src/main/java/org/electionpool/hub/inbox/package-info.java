/**
 * The inbox domain: each organisation's own stream of events ({@link org.electionpool.hub.inbox.Inbox},
 * the port the domains that change things write to), numbered per recipient without gaps.
 */
package org.electionpool.hub.inbox;

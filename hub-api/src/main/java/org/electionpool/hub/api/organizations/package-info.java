/**
 * Contract of the organisation registry: the members of the hub (authorities, platforms, auditor
 * bodies, the operator) and, from HXP/1 on, their keys.
 */
package org.electionpool.hub.api.organizations;

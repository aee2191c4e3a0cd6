/**
 * REST resources of the organisation registry ({@code /api/v1/organizations}).
 */
package org.electionpool.hub.web.organizations;

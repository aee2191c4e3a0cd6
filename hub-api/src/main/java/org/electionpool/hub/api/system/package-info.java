/**
 * Contract of the hub's own state: run mode and the database status behind {@code /health/ready}.
 */
package org.electionpool.hub.api.system;

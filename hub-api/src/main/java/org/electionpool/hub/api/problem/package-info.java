/**
 * RFC 9457 problem details: the stable problem-type catalogue, the wire record and the one
 * application exception that carries a problem type from any layer to the REST boundary.
 */
package org.electionpool.hub.api.problem;

/**
 * JSON as HXP/1 and the audit log need it: RFC 8785 canonical form
 * ({@link org.electionpool.hub.protocol.json.CanonicalJson}) and a strict I-JSON (RFC 7493)
 * parser that refuses duplicate members, lone surrogates and excessive depth
 * ({@link org.electionpool.hub.protocol.json.StrictJson}).
 */
package org.electionpool.hub.protocol.json;

/**
 * The contract of the HXP/1 exchange inside the hub: the envelope service that opens requests,
 * records refusals and seals answers, the opened request it hands the web tier, and the
 * discovery document. The protocol's fixed names and the sender's codec are hub-protocol's
 * ({@code org.electionpool.hub.protocol.hxp}); the exact specification is {@code docs/protocol.md}.
 */
package org.electionpool.hub.api.hxp;

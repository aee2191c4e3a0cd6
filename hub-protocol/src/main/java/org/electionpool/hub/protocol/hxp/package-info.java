/**
 * HXP/1 (docs/protocol.md): the names the protocol fixes ({@link org.electionpool.hub.protocol.hxp.Hxp})
 * and the sender's side of the envelope — sign, then encrypt; decrypt, then verify — on Nimbus
 * JOSE+JWT ({@link org.electionpool.hub.protocol.hxp.HxpCodec}). The hub's receiving side, with
 * every check in the documented order, is {@code org.electionpool.hub.crypto.HxpEnvelope}.
 */
package org.electionpool.hub.protocol.hxp;

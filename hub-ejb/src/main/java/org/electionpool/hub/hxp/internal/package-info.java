/**
 * The HXP/1 exchange (docs/protocol.md): {@code EnvelopeServiceBean}, which opens every request
 * with crypto's {@code HxpEnvelope} against the organisation registry, records refusals in the
 * audit log and seals answers and webhook deliveries; and {@code DiscoveryServiceBean}, the
 * discovery document. This domain joins crypto, organisations and audit, so that crypto itself
 * depends on none of them. No other domain imports this package.
 */
package org.electionpool.hub.hxp.internal;

/**
 * The client side of HXP/1's JOSE work, on Nimbus JOSE+JWT: sealing requests, opening and
 * verifying answers. The only package of the client that imports Nimbus.
 */
package org.electionpool.hub.api.client.crypto;

/**
 * Time rules shared by every request: the one window of instants the hub accepts
 * ({@link org.electionpool.hub.api.time.InstantWindow}), for body fields and query parameters alike.
 */
package org.electionpool.hub.api.time;

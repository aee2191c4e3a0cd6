/**
 * What every request passes on the way in and out: the correlation id and the access log (a
 * servlet filter, so it sees every request), the body size limit, and the strict JSON binding.
 */
package org.electionpool.hub.web.http;

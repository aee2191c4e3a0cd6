/**
 * What every request passes on the way in and out: the correlation id and the access log (a
 * servlet filter, so it sees every request), the body size limit, and the strict JSON binding;
 * and the query-parameter constraints of the {@code @BeanParam} classes
 * ({@link org.electionpool.hub.web.http.QueryParameter}, {@link org.electionpool.hub.web.http.InstantParameter}),
 * whose violations are {@code invalid-parameter}.
 */
package org.electionpool.hub.web.http;

package org.electionpool.hub.bench.load;

import java.util.Set;

/**
 * What a run sends: the {@code seq}-th request of the run is {@link #call(long)}. Calls are a pure
 * function of {@code seq} once {@link #prepare} has run, so that a pool of them can be sealed before
 * the run and sent in any order by any worker; two calls that might conflict (the same case changed
 * twice at once) are kept far apart in {@code seq}.
 */
public interface Workload {

    /** @return the organisations whose clients the calls need */
    Set<String> organizations();

    /**
     * Seeds what the calls need (cases, a cursor) through verified clients, before the run.
     *
     * @param seeder sends one verified request and returns the answer's body, failing on any other status
     */
    void prepare(Seeder seeder);

    /** @return the {@code seq}-th call, {@code seq} ≥ 0 */
    Call call(long seq);

    /** Sends a request while seeding. */
    @FunctionalInterface
    interface Seeder {
        /**
         * @param call the request; its answer must have the expected status
         * @return the verified answer's body
         * @throws IllegalStateException for any other status
         */
        String send(Call call);
    }
}

/**
 * {@link org.electionpool.hub.bench.load.HubLoad}, the end-to-end load harness of issue 14: real
 * HXP/1 requests through {@code HubClient} against a local hub, in a closed or an open model, with
 * latency in HdrHistogram measured (in the open model) from each request's intended start, so that
 * coordinated omission does not hide a stall. The harness logic that needs no hub — options, the
 * open model's schedule and accounting, the report — is plain Java and unit-tested; the hub-ear
 * integration test {@code HubLoadSmokeIT} runs the whole harness against the test server.
 */
package org.electionpool.hub.bench.load;

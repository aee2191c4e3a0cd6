/**
 * JMH benchmarks of HXP/1: what one core can seal, open and verify per second. These figures are
 * the crypto ceiling that end-to-end throughput is held against (docs/performance.md).
 */
package org.electionpool.hub.bench;

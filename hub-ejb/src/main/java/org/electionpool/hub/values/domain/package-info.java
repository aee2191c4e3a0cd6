/**
 * Values that several domains compare: the one normalisation of URLs, domains, accounts,
 * hashtags, hashes and narratives that case items and indicators share.
 */
package org.electionpool.hub.values.domain;

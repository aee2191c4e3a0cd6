package org.electionpool.archfixture.api;

/** A well-behaved contract. */
public interface CaseService {
    String open();
}

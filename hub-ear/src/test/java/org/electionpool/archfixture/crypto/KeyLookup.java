package org.electionpool.archfixture.crypto;

/** Breaks "crypto depends on no other domain": crypto that knows about cases. */
public class KeyLookup {
    public String keyFor(org.electionpool.archfixture.cases.domain.TakedownCase c) {
        return c.toString();
    }
}

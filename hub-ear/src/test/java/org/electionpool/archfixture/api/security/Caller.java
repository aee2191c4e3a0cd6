package org.electionpool.archfixture.api.security;

/** A well-behaved contract: the caller, with the factory for the hub itself. */
public record Caller(String organization) {

    /** @return the hub itself */
    public static Caller system(String component) {
        return new Caller("hub");
    }
}

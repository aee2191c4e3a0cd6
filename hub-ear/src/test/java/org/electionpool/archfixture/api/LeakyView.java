package org.electionpool.archfixture.api;

/** Breaks "api holds contracts only": an api type that is a JPA entity. */
@jakarta.persistence.Entity
public class LeakyView {
}

package org.electionpool.archfixture.cases.domain;

/** Breaks "domain is free of container types": an aggregate that is an EJB. */
@jakarta.ejb.Stateless
public class TakedownCase {
}

/**
 * A miniature code base laid out like the hub's that breaks each architecture rule once, on
 * purpose. Only {@code ArchitectureRulesCatchViolationsTest} reads it.
 */
package org.electionpool.archfixture;

/**
 * The organisation aggregate and its repository contract. Only {@code java.*},
 * {@code jakarta.persistence}, {@code jakarta.validation} and contract types of the api module
 * belong here: no container services (checked by {@code ArchitectureRulesTest}).
 */
package org.electionpool.hub.organizations.domain;

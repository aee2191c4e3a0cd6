/**
 * Integration tests: Arquillian deploys the real {@code hub.ear} to the WildFly server provisioned
 * in {@code target/server}, on H2 by default and on PostgreSQL with {@code -Ppostgres}.
 */
package org.electionpool.hub.it;

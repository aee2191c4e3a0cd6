/**
 * The organisation registry's transactional service, its JPA repository and the assembler that
 * keeps entities inside this module.
 */
package org.electionpool.hub.organizations.internal;

/**
 * REST resources of the case exchange and the inbox (thin: authenticate, delegate); query
 * parameters are {@code @BeanParam} classes whose Bean Validation constraints answer
 * {@code invalid-parameter} naming the parameter.
 */
package org.electionpool.hub.web.cases;

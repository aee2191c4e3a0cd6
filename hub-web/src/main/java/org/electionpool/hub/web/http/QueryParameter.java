package org.electionpool.hub.web.http;

import jakarta.validation.Payload;

/**
 * Marks a Bean Validation constraint on a query parameter (a field of a {@code @BeanParam} class):
 * its violation answers {@code 400 invalid-parameter} with the constraint's message — which names
 * the parameter and never quotes the value — as the detail, not {@code validation-failed}
 * (docs/problems.md). {@code ConstraintViolationMapper} reads it.
 */
public interface QueryParameter extends Payload {
}

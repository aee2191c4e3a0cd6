package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * Maps bean-validation failures of request bodies and parameters to a
 * {@link ProblemType#VALIDATION_FAILED} problem with one entry per invalid field.
 *
 * <p>Field paths are relative to the request body ({@code items[2].url}), not to the Java method;
 * messages are the constraint's, never the refused value. Violations are sorted by field so the
 * answer is deterministic.
 */
@Provider
@ApplicationScoped
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return problems.of(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
    }

    /**
     * @return the violation's path without the method and parameter nodes; the parameter's own
     *         name when the parameter itself (not a member of it) is invalid
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                // The index or key belongs to the container, which is the previous segment.
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter != null ? parameter : "body";
    }
}

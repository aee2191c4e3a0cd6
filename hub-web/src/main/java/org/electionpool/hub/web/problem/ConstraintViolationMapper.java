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
import java.util.Optional;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.ProblemType;
import org.electionpool.hub.web.http.QueryParameter;

/**
 * Maps bean-validation failures of request bodies and parameters to a
 * {@link ProblemType#VALIDATION_FAILED} problem with one entry per invalid field — except
 * violations of query-parameter constraints ({@link QueryParameter} payload, on the fields of
 * {@code @BeanParam} classes), which answer {@link ProblemType#INVALID_PARAMETER} with the message
 * of the first invalid parameter (in the order the class declares them) as the detail, exactly as
 * the resources' own parsing answered before.
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
        Optional<String> parameter = invalidParameter(e);
        if (parameter.isPresent()) {
            return problems.of(ProblemType.INVALID_PARAMETER, parameter.get());
        }
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return problems.of(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", violations);
    }

    /**
     * @return the detail of an {@code invalid-parameter} answer: the message of the first declared
     *         query parameter whose constraint is violated; empty when no query-parameter
     *         constraint is
     */
    public static Optional<String> invalidParameter(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .filter(v -> v.getConstraintDescriptor().getPayload().contains(QueryParameter.class))
                .min(Comparator.comparingInt(ConstraintViolationMapper::declarationOrder)
                        .thenComparing(ConstraintViolation::getMessage))
                .map(ConstraintViolation::getMessage);
    }

    /** @return the position of the violated field in its class, so the first parameter is reported first */
    static int declarationOrder(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        Object bean = violation.getLeafBean();
        for (Class<?> type = bean == null ? null : bean.getClass(); type != null && name != null; type = type.getSuperclass()) {
            java.lang.reflect.Field[] fields = type.getDeclaredFields(); // declaration order (a proxy subclass has none of them)
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].getName().equals(name)) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
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

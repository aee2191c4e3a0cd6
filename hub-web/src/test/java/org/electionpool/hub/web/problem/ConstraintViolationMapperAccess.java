package org.electionpool.hub.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import org.electionpool.hub.web.http.QueryParameter;

/** What {@link ConstraintViolationMapper} chooses as the invalid-parameter detail, for tests elsewhere. */
public final class ConstraintViolationMapperAccess {

    public String detail(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .filter(v -> v.getConstraintDescriptor().getPayload().contains(QueryParameter.class))
                .min(Comparator.comparingInt(ConstraintViolationMapper::declarationOrder)
                        .thenComparing(ConstraintViolation::getMessage))
                .map(ConstraintViolation::getMessage).orElse(null);
    }
}

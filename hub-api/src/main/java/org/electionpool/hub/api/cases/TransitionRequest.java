package org.electionpool.hub.api.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A lifecycle step ({@code POST /api/v1/cases/{id}/transitions}).
 *
 * @param action the action; which side may take it and from which state is fixed by
 *               {@link CaseAction} and {@link CaseStatus}
 * @param note   optional text, added to the case's thread (a question for
 *               {@code REQUEST_INFORMATION}, the answer for {@code PROVIDE_INFORMATION})
 */
public record TransitionRequest(@NotNull CaseAction action, @Size(max = 10000) String note) {
}

package org.electionpool.hub.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A message in a case's thread ({@code POST /api/v1/cases/{id}/messages}).
 *
 * @param text the message
 * @param item the item it is about (1-based), or {@code null} for the whole case
 */
public record MessageRequest(@NotBlank @Size(max = 10000) String text, @Positive Integer item) {
}

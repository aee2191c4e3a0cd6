package org.electionpool.hub.api.taxii;

import java.time.Instant;

/**
 * A TAXII 2.1 resource as JSON text, with the dates of the {@code X-TAXII-Date-Added-First} and
 * {@code -Last} headers where the resource lists objects.
 *
 * @param json           the resource ({@code application/taxii+json;version=2.1})
 * @param dateAddedFirst the first object's date added, or {@code null}
 * @param dateAddedLast  the last object's date added, or {@code null}
 */
public record TaxiiAnswer(String json, Instant dateAddedFirst, Instant dateAddedLast) {
}

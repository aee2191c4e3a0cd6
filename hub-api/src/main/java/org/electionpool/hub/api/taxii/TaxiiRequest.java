package org.electionpool.hub.api.taxii;

import java.util.List;
import java.util.Map;

/**
 * One TAXII 2.1 read, as the web tier parsed it from the URL (docs/taxii.md). Which members a
 * resource uses: {@code collection} from {@link Resource#COLLECTION} on, {@code object} for
 * {@link Resource#OBJECT} and {@link Resource#VERSIONS}, {@code status} for {@link Resource#STATUS};
 * {@code query} holds the raw query parameters ({@code added_after}, {@code limit}, {@code next},
 * {@code match[...]}), each name with its values, checked by the service.
 *
 * @param resource   what is read
 * @param collection the collection id, or {@code null}
 * @param object     the object id, or {@code null}
 * @param status     the status id, or {@code null}
 * @param query      the query parameters; never {@code null}
 */
public record TaxiiRequest(Resource resource, String collection, String object, String status,
                           Map<String, List<String>> query) {

    /** Makes the query immutable. */
    public TaxiiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** The TAXII 2.1 resources (OASIS TAXII 2.1, §4–§5). */
    public enum Resource {
        /** {@code GET /taxii2/}. */
        DISCOVERY,
        /** {@code GET /taxii2/hub/}. */
        API_ROOT,
        /** {@code GET /taxii2/hub/collections/}. */
        COLLECTIONS,
        /** {@code GET …/collections/{id}/}. */
        COLLECTION,
        /** {@code GET …/collections/{id}/objects/}. */
        OBJECTS,
        /** {@code GET …/collections/{id}/manifest/}. */
        MANIFEST,
        /** {@code GET …/collections/{id}/objects/{object}/}. */
        OBJECT,
        /** {@code GET …/collections/{id}/objects/{object}/versions/}. */
        VERSIONS,
        /** {@code GET /taxii2/hub/status/{id}/}. */
        STATUS
    }
}

package org.electionpool.hub.web.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON binding every resource reads and writes with: members the request record does not
 * declare are refused rather than silently dropped (an allow-list, so a misspelt field is an error,
 * not a lost value), and {@code null} members are omitted from answers. Thread-safe; one
 * {@link Jsonb} per application.
 */
@Provider
public class StrictJsonbResolver implements ContextResolver<Jsonb> {

    /** Yasson's switch for refusing unknown members (also honoured as a JSON-B 3.1 property). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    /** The one binding, shared by resources and by the HXP answer sealing. */
    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}

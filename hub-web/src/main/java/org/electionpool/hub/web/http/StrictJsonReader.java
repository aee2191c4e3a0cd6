package org.electionpool.hub.web.http;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * Reads every JSON request body that binds to a record — every request record of the API — in
 * two steps: parse it to a {@link JsonValue} (exact numbers, duplicate members refused), check
 * its shape against the record with {@link StrictBinding}, and only then bind the same bytes with
 * {@link StrictJsonbResolver#JSONB}. An application provider, so the runtime prefers it to its
 * built-in JSON-B reader for these types; bodies of other types are not its business.
 *
 * <p>Invariant: no request record is ever bound from a body of another shape; every refusal is
 * {@link ProblemType#MALFORMED_REQUEST} (sealed like any answer once the envelope has passed) with a
 * detail that names the field but never quotes the body.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.USER - 100)
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body;
        try {
            body = entityStream.readAllBytes();
        } catch (IOException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof HubException hub) {
                    throw hub; // a limit enforced while streaming
                }
            }
            throw e;
        }
        if (isBlank(body)) {
            return null; // no body: @NotNull on the parameter answers validation-failed
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new HubException(ProblemType.MALFORMED_REQUEST, "The request body is not well-formed JSON.");
        }
        StrictBinding.check(value, genericType == null ? type : genericType);
        try {
            return StrictJsonbResolver.JSONB.fromJson(new ByteArrayInputStream(body), genericType == null ? type : genericType);
        } catch (JsonbException | JsonException e) {
            throw new HubException(ProblemType.MALFORMED_REQUEST,
                    "The request body is not a well-formed JSON document of the expected shape.");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}

package org.electionpool.hub.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import org.electionpool.hub.api.problem.FieldViolation;
import org.electionpool.hub.api.problem.Problem;

/**
 * Writes a {@link Problem} as {@code application/problem+json} (RFC 9457 §3), members in a fixed
 * order: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * {@code correlation_id}, {@code errors}. Absent optional members are omitted, never {@code null}.
 * Thread-safe.
 */
@Provider
@Produces({ProblemBodyWriter.PROBLEM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ProblemBodyWriter implements MessageBodyWriter<Problem> {

    /** The RFC 9457 media type. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The RFC 9457 media type as a {@link MediaType}. */
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Problem.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Problem problem, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        headers.putSingle("Content-Type", PROBLEM_JSON);
        try (JsonWriter writer = Json.createWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.writeObject(toJson(problem).build());
        }
    }

    /** @return the problem as a JSON object builder, members in the documented order */
    public static JsonObjectBuilder toJson(Problem problem) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", problem.type().uri().toString())
                .add("title", problem.title())
                .add("status", problem.status());
        if (problem.detail() != null) {
            json.add("detail", problem.detail());
        }
        if (problem.instance() != null) {
            json.add("instance", problem.instance());
        }
        if (problem.correlationId() != null) {
            json.add("correlation_id", problem.correlationId());
        }
        if (!problem.errors().isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (FieldViolation v : problem.errors()) {
                errors.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message()));
            }
            json.add("errors", errors);
        }
        return json;
    }
}

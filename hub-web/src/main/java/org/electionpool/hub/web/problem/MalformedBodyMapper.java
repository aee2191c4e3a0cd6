package org.electionpool.hub.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.electionpool.hub.api.problem.HubException;
import org.electionpool.hub.api.problem.ProblemType;

/**
 * Maps a request body the runtime could not read (malformed JSON, a value of the wrong type, an
 * unknown member, an unknown enum constant) to {@link ProblemType#MALFORMED_REQUEST}. If the
 * reading failed because of one of the hub's own checks — a size limit enforced while streaming —
 * that check's problem is answered instead.
 *
 * <p>The parser's message is not passed on: it quotes the input.
 */
@Provider
@ApplicationScoped
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Inject
    ProblemResponses problems;

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HubException hub) {
                return problems.of(hub.type(), hub.getMessage(), hub.violations());
            }
        }
        return problems.of(ProblemType.MALFORMED_REQUEST,
                "The request body is not a well-formed JSON document of the expected shape.");
    }
}

package org.electionpool.hub.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.electionpool.hub.api.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebApplicationExceptionMapperTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 406, 409, 413, 415, 503})
    void runtimeStatusMapsToAProblemTypeWithThatStatus(int status) {
        assertEquals(status, WebApplicationExceptionMapper.typeFor(status).status());
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertEquals(ProblemType.INTERNAL_ERROR, WebApplicationExceptionMapper.typeFor(500));
        assertEquals(ProblemType.INTERNAL_ERROR, WebApplicationExceptionMapper.typeFor(418));
    }
}

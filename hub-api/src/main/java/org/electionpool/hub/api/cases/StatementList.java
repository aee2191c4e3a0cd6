package org.electionpool.hub.api.cases;

import java.util.List;

/**
 * A platform's statements of reasons ({@code GET /api/v1/cases/statements}), ready for the DSA
 * Transparency Database's {@code POST …/api/v1/statements} in parts of at most 100.
 *
 * @param statements in case order (newest first), items in order within a case
 */
public record StatementList(List<StatementOfReasons> statements) {

    public StatementList {
        statements = List.copyOf(statements);
    }
}

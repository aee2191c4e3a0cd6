package org.electionpool.hub.web.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.electionpool.hub.api.cases.CaseKind;
import org.electionpool.hub.api.cases.CaseStatus;
import org.electionpool.hub.web.audit.AuditParametersAccess;
import org.electionpool.hub.web.http.QueryParameter;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The {@code @BeanParam} query classes: hostile values are violations of query-parameter
 * constraints whose messages are exactly the details the resources' own parsing gave before
 * (clients read them), and the first declared parameter is the one reported.
 */
class QueryParametersTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static void set(Object bean, String field, String value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the detail the mapper answers: the first declared violated parameter's message */
    static String detail(Object bean) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        if (violations.isEmpty()) {
            return null;
        }
        for (ConstraintViolation<Object> v : violations) {
            assertTrue(v.getConstraintDescriptor().getPayload().contains(QueryParameter.class), v.toString());
        }
        return org.electionpool.hub.web.problem.ConstraintViolationMapper
                .invalidParameter(new ConstraintViolationException(Set.copyOf(violations))).orElse(null);
    }

    static String list(String field, String value) {
        CaseListParameters p = new CaseListParameters();
        set(p, field, value);
        return detail(p);
    }

    @Test
    void theCaseListRefusesWhatItRefusedBeforeWithTheSameDetails() {
        assertEquals("status must be one of " + Arrays.toString(CaseStatus.values()) + ".", list("status", "NOPE"));
        assertEquals("status must be one of " + Arrays.toString(CaseStatus.values()) + ".", list("status", "submitted"));
        assertEquals("kind must be one of " + Arrays.toString(CaseKind.values()) + ".", list("kind", "removal_order"));
        assertEquals("overdue must match true|false.", list("overdue", "maybe"));
        assertEquals("overdue must match true|false.", list("overdue", "TRUE"));
        assertEquals("election must match [a-z0-9][a-z0-9-]{1,62}[a-z0-9].", list("election", "FI"));
        assertEquals("after must match [A-Za-z0-9_-]{1,200}.", list("after", "%%"));
        assertEquals("after must match [A-Za-z0-9_-]{1,200}.", list("after", "A".repeat(201)));
        assertEquals("after must match [A-Za-z0-9_-]{1,200}.", list("after", ""));
        for (String limit : List.of("0", "-1", "1000", "01", "x", "", " 5", "5 ", "1e2", "\u0661")) {
            assertEquals("limit must match [1-9][0-9]{0,2}.", list("limit", limit), limit);
        }
        assertEquals("updated_since must be an RFC 3339 date-time.", list("updatedSince", "yesterday"));
        assertEquals("updated_since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.",
                list("updatedSince", "+300000-01-01T00:00:00Z"));
        assertEquals("updated_since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.",
                list("updatedSince", "1969-12-31T23:59:59Z"));
        assertEquals(null, list("limit", "101"), "the range is the service's: limit must be 1-100");
        assertEquals(null, list("updatedSince", "2020-01-01T00:00:00Z"));
        assertEquals(null, detail(new CaseListParameters()));
    }

    @Test
    void theFirstDeclaredParameterIsReported() {
        CaseListParameters p = new CaseListParameters();
        set(p, "limit", "0");
        set(p, "kind", "x");
        set(p, "status", "x");
        assertTrue(detail(p).startsWith("status "), detail(p));
    }

    @Test
    void aValidQueryGivesItsFilter() {
        CaseListParameters p = new CaseListParameters();
        set(p, "status", "IN_PROGRESS");
        set(p, "overdue", "false");
        set(p, "updatedSince", "2027-01-01T00:00:00+02:00");
        assertEquals(null, detail(p));
        assertEquals(CaseStatus.IN_PROGRESS, p.filter().status());
        assertEquals(Boolean.FALSE, p.filter().overdue());
        assertEquals(java.time.Instant.parse("2026-12-31T22:00:00Z"), p.filter().updatedSince());
        assertEquals(50, p.filter().limit());
    }

    @Test
    void statementsInboxAndDeliveriesKeepTheirDetails() {
        StatementParameters s = new StatementParameters();
        set(s, "since", "-300000-01-01T00:00:00Z");
        assertEquals("since must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.", detail(s));
        assertEquals(java.time.Instant.EPOCH, new StatementParameters().since());
        for (String limit : List.of("0", "abc", "", "1000", "-5", "99999999999")) {
            InboxParameters i = new InboxParameters();
            set(i, "limit", limit);
            assertEquals("limit must be 1-500.", detail(i), limit);
            org.electionpool.hub.web.webhooks.DeliveryParameters d = new org.electionpool.hub.web.webhooks.DeliveryParameters();
            set(d, "limit", limit);
            assertEquals("limit must be 1-500.", detail(d), limit);
        }
        InboxParameters i = new InboxParameters();
        set(i, "after", "%%anything%%");
        assertEquals(null, detail(i), "the cursor is the service's to judge");
        assertEquals(100, i.limit());
    }

    @Test
    void theAuditQueriesKeepTheirDetails() {
        for (String bad : new String[] {null, "x", "-1", "01", "1.0", "1234567890123456789", " 1"}) {
            assertEquals("from must be a tree size (a non-negative integer).", detail(AuditParametersAccess.range(bad, "1")),
                    String.valueOf(bad));
            assertEquals("to must be a tree size (a non-negative integer).", detail(AuditParametersAccess.range("0", bad)));
            assertEquals("index must be a tree size (a non-negative integer).",
                    detail(AuditParametersAccess.inclusion(bad, "1")));
            assertEquals("size must be a tree size (a non-negative integer).",
                    detail(AuditParametersAccess.inclusion("0", bad)));
            if (bad != null) {
                assertEquals("size must be a tree size (a non-negative integer).", detail(AuditParametersAccess.export(bad)));
            }
        }
        assertEquals(null, detail(AuditParametersAccess.range("0", "123456789012345678")));
        assertEquals(null, detail(AuditParametersAccess.export(null)));
        assertEquals("target_type must match [a-z][a-z0-9_]{0,31}.", detail(AuditParametersAccess.bundle(null, "x")));
        assertEquals("target_type must match [a-z][a-z0-9_]{0,31}.", detail(AuditParametersAccess.bundle("Case", "x")));
        assertEquals("target_id must match [A-Za-z0-9._~:/-]{1,256}.", detail(AuditParametersAccess.bundle("case", null)));
        assertEquals("target_id must match [A-Za-z0-9._~:/-]{1,256}.", detail(AuditParametersAccess.bundle("case", "a b")));
        assertEquals(null, detail(AuditParametersAccess.bundle("case", "case-1")));
    }

    /** A body's violations carry no {@link QueryParameter} payload: they stay {@code validation-failed}. */
    static final class Body {
        @jakarta.validation.constraints.NotNull
        String field;
    }

    @Test
    void aBodyViolationIsNoInvalidParameter() {
        Set<ConstraintViolation<Body>> violations = VALIDATOR.validate(new Body());
        assertEquals(1, violations.size());
        assertTrue(org.electionpool.hub.web.problem.ConstraintViolationMapper
                .invalidParameter(new ConstraintViolationException(Set.copyOf(violations))).isEmpty());
    }
}

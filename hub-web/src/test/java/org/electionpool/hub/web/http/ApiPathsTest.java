package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"api/v1/organizations", "/api/v1/organizations", "api/v1/organizations/x/keys", "api/v1",
            "/api/v1/", "api/v1/no-such-thing", "api/v1/audit/entries", "api/v1/audit/proofs/inclusion",
            "api/v1/audit/checkpoint/x"})
    void everythingUnderTheApiIsProtected(String path) {
        assertTrue(ApiPaths.isProtected(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {".well-known/jwks.json", "/.well-known/hxp-configuration", "openapi", "/", "", "api",
            "api/v1/audit/checkpoint", "/api/v1/audit/proofs/consistency",
            "api/v10/x", "apiv1/x", "/no/such/path"})
    void discoveryAndUnknownRootsAreNot(String path) {
        assertFalse(ApiPaths.isProtected(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1/cases", "/api/v1/cases/", "/.well-known/jwks.json", "/openapi",
            "/api/v1/cases/case-0123/items/1/response", "/api/v1/audit/bundles/organization/platform-alpha"})
    void canonicalPathsAreAccepted(String path) {
        assertTrue(ApiPaths.whyNotCanonical(path).isEmpty(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/cases", "/api/v1;/cases", "/api/v1/cases;jsessionid=1", "/api%2Fv1/cases",
            "/api%2fv1%2finbox", "/api/v1/%63ases", "/api//v1/cases", "//api/v1/cases", "/api/./v1/cases",
            "/api/v1/../v1/cases", "/x/../api/v1/cases", "/api/v1/cases/.", "/api\\v1\\cases", "/api/v1/ca ses",
            "/api/v1/cases%00", "/api/v1/cases%252F", "api/v1/cases", "", "/api/v1/cäses", "/API%3bx/v1/cases"})
    void everyOtherFormOfAPathIsRefused(String path) {
        assertTrue(ApiPaths.whyNotCanonical(path).isPresent(), path);
    }

    @Test
    void overlongPathsAreRefused() {
        assertTrue(ApiPaths.whyNotCanonical("/" + "a".repeat(ApiPaths.MAX_PATH_CHARS)).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/cases", "/api/v1;/cases", "/api;/v1/inbox", "/api%2Fv1/cases", "//api/v1/cases",
            "/x/../api/v1/cases", "/%61pi/v1/cases", "/%2561pi/v1", "/API;x/v1", "/./api/v1", "\\api\\v1",
            "/.well-known/../api/v1/organizations"})
    void refusedPathsThatSomeReadingTakesToTheApiAreApiRefusals(String path) {
        assertTrue(ApiPaths.mayReachApi(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/openapi;x", "/.well-known//jwks.json", "/api/../openapi", "/x;api", "/%2e%2e/etc"})
    void refusedPathsOutsideTheApiAreNot(String path) {
        assertFalse(ApiPaths.mayReachApi(path), path);
    }
}

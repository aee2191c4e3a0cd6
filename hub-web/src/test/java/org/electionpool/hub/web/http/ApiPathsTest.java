package org.electionpool.hub.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

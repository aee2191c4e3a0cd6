package org.electionpool.archfixture.api;

/** Breaks "api holds contracts only": an api type that uses Nimbus JOSE+JWT. */
public class JoseView {
    public com.nimbusds.jose.JWSAlgorithm algorithm() {
        return com.nimbusds.jose.JWSAlgorithm.ES256;
    }
}

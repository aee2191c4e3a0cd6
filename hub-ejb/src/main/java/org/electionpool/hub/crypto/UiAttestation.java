package org.electionpool.hub.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;
import java.util.Map;
import org.electionpool.hub.protocol.jca.CryptoProviders;

/**
 * The hub's attestation of a person's request in the web UI (docs/audit-log.md, Attested
 * entries): a compact RFC 7515 JWS, ES256, signed with the hub's own signing key (the one
 * published at {@code /.well-known/jwks.json}), header {@code typ} {@value #TYP}. It states that
 * the hub authenticated the session and saw the request; it is not, and never claims to be, a
 * signature of the person or their organisation.
 */
public final class UiAttestation {

    /** The JWS {@code typ} of an attestation. */
    public static final String TYP = "hxp-ui-attestation+jwt";

    private UiAttestation() {
    }

    /**
     * @param key    the hub's signing key (private)
     * @param claims the statement (JSON values only)
     * @return the compact JWS
     */
    public static String sign(ECKey key, Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(new JOSEObjectType(TYP)).build(), new Payload(claims));
            jws.sign(CryptoProviders.configured().signer(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the hub's signing key cannot sign", e);
        }
    }
}

package org.electionpool.archfixture.cases.internal;

/** Breaks "only crypto uses crypto libraries": Bouncy Castle outside a crypto package. */
public class HashingHelper {
    public String hex(byte[] data) {
        return org.bouncycastle.util.encoders.Hex.toHexString(data);
    }
}

#!/usr/bin/env python3
"""HXP/1 interoperability check with an independent JOSE implementation (jwcrypto).

Acts as one organisation: reads the hub's discovery document and JWKS, then
  1. GET  /api/v1/organizations              (Authorization: HXP <JWS>)
  2. POST /api/v1/organizations/<org>/keys   (JWE to the hub around a JWS), registering a fresh
     public key generated here
and opens and verifies each answer: decrypts the JWE with the organisation's key, verifies the
hub's ES256 signature against its published JWKS, and checks typ, iss, aud, in_reply_to and
status. Prints one line per verified exchange; exits non-zero naming the first failed check.

Usage: hxp_interop.py HUB_URL ORG_ID PRIVATE_JWKS_FILE [--get-only]
"""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

from jwcrypto import jwe, jwk, jws


def fail(message):
    print("interop FAILED: " + message)
    sys.exit(1)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def call(hub, issuer, org, sig_key, method, target, body=None, hub_enc=None):
    now = int(time.time())
    jti = b64url(os.urandom(32))
    claims = {"iss": org, "aud": issuer, "iat": now, "exp": now + 120, "jti": jti, "htm": method, "htu": target}
    if body is not None:
        claims["body"] = body
    token = jws.JWS(json.dumps(claims).encode("utf-8"))
    token.add_signature(sig_key, alg="ES256",
                        protected=json.dumps({"alg": "ES256", "kid": sig_key["kid"], "typ": "hxp+jwt"}))
    compact_jws = token.serialize(compact=True)
    headers = {}
    data = None
    if body is None:
        headers["Authorization"] = "HXP " + compact_jws
    else:
        envelope = jwe.JWE(compact_jws.encode("ascii"), protected=json.dumps(
            {"alg": "ECDH-ES+A256KW", "enc": "A256GCM", "kid": hub_enc["kid"], "cty": "JWT"}))
        envelope.add_recipient(hub_enc)
        data = envelope.serialize(compact=True).encode("ascii")
        headers["Content-Type"] = "application/jose"
    request = urllib.request.Request(hub + target, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("ascii"), jti
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8"), jti


def open_answer(status, content_type, body, jti, org, issuer, enc_key, hub_keys):
    if not content_type.startswith("application/jose"):
        fail("answer %d is not sealed (%s): %s" % (status, content_type, body[:300]))
    outer = jwe.JWE()
    outer.deserialize(body.strip(), key=enc_key)
    if json.loads(outer.objects["protected"]).get("cty", "").upper() != "JWT":
        fail("answer JWE cty is not JWT")
    inner = jws.JWS()
    inner.deserialize(outer.payload.decode("ascii"))
    header = json.loads(inner.objects["protected"])
    if header.get("typ") != "hxp-response+jwt" or header.get("alg") != "ES256":
        fail("answer header is %s" % header)
    signer = [k for k in hub_keys if k.get("kid") == header.get("kid") and k.get("use") == "sig"]
    if not signer:
        fail("answer signed by a key the hub does not publish")
    inner.verify(signer[0], alg="ES256")
    claims = json.loads(inner.payload.decode("utf-8"))
    if claims.get("iss") != issuer:
        fail("answer iss %r" % claims.get("iss"))
    if claims.get("aud") not in (org, [org]):
        fail("answer aud %r" % claims.get("aud"))
    if claims.get("in_reply_to") != jti:
        fail("answer in_reply_to does not match the request jti")
    if claims.get("status") != status:
        fail("answer status claim %r differs from HTTP %d" % (claims.get("status"), status))
    return claims


def main():
    if len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] != "--get-only"):
        print(__doc__)
        sys.exit(2)
    hub, org, jwks_file = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    configuration = fetch(hub + "/.well-known/hxp-configuration")
    issuer = configuration["issuer"]
    hub_keys = [jwk.JWK(**k) for k in fetch(configuration["jwks_uri"])["keys"]]
    hub_enc = [k for k in hub_keys if k.get("use") == "enc"][0]
    with open(jwks_file, encoding="utf-8") as f:
        own = [jwk.JWK(**k) for k in json.load(f)["keys"]]
    sig_key = [k for k in own if k.get("use") == "sig"][0]
    enc_key = [k for k in own if k.get("use") == "enc"][0]

    status, content_type, body, jti = call(hub, issuer, org, sig_key, "GET", "/api/v1/organizations")
    claims = open_answer(status, content_type, body, jti, org, issuer, enc_key, hub_keys)
    if status != 200 or not any(o.get("id") == org for o in claims["body"]["organizations"]):
        fail("GET answered %d without %s in the directory" % (status, org))
    print("interop GET /api/v1/organizations as %s: 200, sealed, signature and claims verified" % org)
    if len(sys.argv) == 5:
        return

    fresh = jwk.JWK.generate(kty="EC", crv="P-256")
    public = json.loads(fresh.export_public())
    public["use"] = "sig"
    target = "/api/v1/organizations/%s/keys" % org
    status, content_type, body, jti = call(hub, issuer, org, sig_key, "POST", target, {"jwk": public}, hub_enc)
    claims = open_answer(status, content_type, body, jti, org, issuer, enc_key, hub_keys)
    if status != 201 or claims["body"]["jwk"]["x"] != public["x"]:
        fail("POST answered %d: %s" % (status, claims.get("problem")))
    print("interop POST %s: 201, sealed, signature and claims verified" % target)


if __name__ == "__main__":
    main()

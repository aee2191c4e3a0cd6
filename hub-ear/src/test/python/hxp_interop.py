#!/usr/bin/env python3
"""HXP/1 interoperability check with an independent JOSE implementation (jwcrypto).

Acts as one organisation: reads the hub's discovery document and JWKS, then
  1. GET  /api/v1/organizations              (Authorization: HXP <JWS>)
  2. POST /api/v1/organizations/<org>/keys   (JWE to the hub around a JWS), registering a fresh
     public key generated here
and opens and verifies each answer: decrypts the JWE with the organisation's key, verifies the
hub's ES256 signature against its published JWKS, and checks typ, iss, aud, in_reply_to and
status; the POST's audit receipt is checked too.

With --audit (run as an auditor organisation) it is an outside verifier of the audit log that
implements only RFC 9162 and C2SP signed notes itself (Ed25519 from python3-cryptography): it
verifies two checkpoints with the published verifier key and the consistency proof between them,
the receipt of a refused signed request (leaf, inclusion, jti, digest of the JWS it sent), fetches
every entry over HXP/1, recomputes the tree head from the exact leaf bytes and matches the signed
root, and verifies fetched inclusion proofs.

With --case EXAMPLE_JSON (run as an authority) it sends the example body unchanged as
POST /api/v1/cases, checks the 201 answer and its audit receipt (case.created), then, with the
other demo organisations' keys from the same dev-keys folder, finds the case in the addressed
platform's inbox and reads it, and checks that every other platform gets 404 for it and has no
event of it in its inbox.

Prints one line per verified step; exits non-zero naming the first failed check.

Usage: hxp_interop.py HUB_URL ORG_ID PRIVATE_JWKS_FILE [--get-only | --audit | --case EXAMPLE_JSON]
"""
import hashlib
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jwcrypto import jwe, jwk, jws


def fail(message):
    print("interop FAILED: " + message)
    sys.exit(1)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def call(hub, issuer, org, sig_key, method, target, body=None, hub_enc=None, with_jws=False):
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
            answer = response.status, response.headers.get("Content-Type", ""), response.read().decode("ascii"), jti
    except urllib.error.HTTPError as error:
        answer = error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8"), jti
    return answer + (compact_jws,) if with_jws else answer


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


# --- RFC 9162 §2.1 and C2SP signed-note / tlog-checkpoint, written here from the specifications ---

def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def mth(hashes):
    """RFC 9162 §2.1.1 tree head over leaf hashes (k = largest power of two smaller than n)."""
    n = len(hashes)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))


def verify_inclusion(index, size, leaf_digest, proof, root):
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        fail("inclusion: index %d outside size %d" % (index, size))
    fn, sn, r = index, size - 1, leaf_digest
    for p in proof:
        if sn == 0:
            fail("inclusion: proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while True:
                    fn >>= 1
                    sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != root:
        fail("inclusion proof of %d in %d does not lead to the root" % (index, size))


def verify_consistency(first, second, proof, first_root, second_root):
    """RFC 9162 §2.1.4.2."""
    if first == second:
        if proof or first_root != second_root:
            fail("consistency: equal sizes need an empty proof and equal roots")
        return
    if first == 0:
        return
    if not proof:
        fail("consistency: empty proof")
    if first & (first - 1) == 0:
        proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            fail("consistency: proof too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while True:
                    fn >>= 1
                    sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0 or fr != first_root or sr != second_root:
        fail("consistency proof %d -> %d does not hold" % (first, second))


def parse_vkey(vkey):
    name, key_hash, data = vkey.split("+", 2)
    raw = base64.b64decode(data)
    if len(raw) != 33 or raw[0] != 1:
        fail("verifier key is not Ed25519")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != key_hash:
        fail("verifier key hash does not match")
    return name, bytes.fromhex(key_hash), Ed25519PublicKey.from_public_bytes(raw[1:])


def open_checkpoint(note, vkey):
    """C2SP signed-note: text, blank line, signature lines "— <name> <base64(keyhash || sig)>"."""
    name, key_hash, public = parse_vkey(vkey)
    text, sep, signatures = note.partition("\n\n")
    if not sep:
        fail("note has no signature block")
    text += "\n"
    verified = False
    for line in signatures.rstrip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            fail("malformed signature line")
        signer, _, blob = line[2:].partition(" ")
        raw = base64.b64decode(blob)
        if signer == name and raw[:4] == key_hash:
            public.verify(raw[4:], text.encode("utf-8"))  # raises on a bad signature
            verified = True
    if not verified:
        fail("checkpoint has no signature by the log key")
    lines = text.split("\n")
    if lines[0] != name:
        fail("checkpoint origin %r is not the key name %r" % (lines[0], name))
    return int(lines[1]), base64.b64decode(lines[2])


def check_receipt(receipt, vkey, jti, compact_jws):
    size, root = open_checkpoint(receipt["checkpoint"], vkey)
    leaf = base64.b64decode(receipt["leaf"])
    if size != receipt["size"] or leaf_hash(leaf) != base64.b64decode(receipt["leaf_hash"]):
        fail("receipt size or leaf hash")
    verify_inclusion(receipt["index"], size, leaf_hash(leaf), [base64.b64decode(h) for h in receipt["proof"]], root)
    entry = json.loads(leaf)
    if entry["index"] != receipt["index"] or entry.get("jti") != jti:
        fail("receipt leaf records another request")
    if entry.get("evidence_sha256") != base64.b64encode(hashlib.sha256(compact_jws.encode("ascii")).digest()).decode():
        fail("receipt leaf records another signed message")
    return entry


def audit(hub, issuer, org, sig_key, enc_key, hub_keys, vkey):
    def checkpoint():
        with urllib.request.urlopen(hub + "/api/v1/audit/checkpoint", timeout=30) as response:
            return open_checkpoint(response.read().decode("utf-8"), vkey)

    def sealed_get(target):
        status, content_type, body, jti, compact = call(hub, issuer, org, sig_key, "GET", target, with_jws=True)
        return status, open_answer(status, content_type, body, jti, org, issuer, enc_key, hub_keys), jti, compact

    first_size, first_root = checkpoint()
    status, claims, jti, compact = sealed_get("/api/v1/organizations/no-such-organization-interop")
    if status != 404 or "receipt" not in claims:
        fail("a refused signed request answered %d without a receipt" % status)
    entry = check_receipt(claims["receipt"], vkey, jti, compact)
    print("audit receipt of a refused request: index %d, %s, inclusion verified" % (entry["index"], entry["action"]))

    size, root = checkpoint()
    if size <= first_size:
        fail("the log did not grow")
    proof = fetch("%s/api/v1/audit/proofs/consistency?from=%d&to=%d" % (hub, first_size, size))
    verify_consistency(first_size, size, [base64.b64decode(h) for h in proof["proof"]], first_root, root)
    print("audit checkpoints %d and %d: signatures and consistency verified" % (first_size, size))

    hashes = []
    for start in range(0, size, 1000):
        status, claims, _, _ = sealed_get("/api/v1/audit/entries?from=%d&to=%d" % (start, min(size, start + 1000)))
        if status != 200:
            fail("entries answered %d" % status)
        for e in claims["body"]["entries"]:
            leaf = base64.b64decode(e["leaf"])
            if e["index"] != len(hashes) or json.loads(leaf)["index"] != e["index"]:
                fail("entry %d is out of place" % len(hashes))
            if leaf_hash(leaf) != base64.b64decode(e["leaf_hash"]):
                fail("entry %d: leaf hash is not the hash of its leaf" % e["index"])
            if "evidence" in e and json.loads(leaf).get("evidence_sha256") != base64.b64encode(
                    hashlib.sha256(e["evidence"].encode("ascii")).digest()).decode():
                fail("entry %d: evidence does not match its digest" % e["index"])
            hashes.append(leaf_hash(leaf))
    if len(hashes) != size or mth(hashes) != root:
        fail("the tree head over the fetched leaves is not the signed root")
    for index in sorted({0, size // 3, size // 2, size - 1}):
        status, claims, _, _ = sealed_get("/api/v1/audit/proofs/inclusion?index=%d&size=%d" % (index, size))
        verify_inclusion(index, size, hashes[index], [base64.b64decode(h) for h in claims["body"]["proof"]], root)
    print("audit %d entries: leaf bytes hashed, tree head matches the signed root, inclusion proofs verified" % size)


def load_keys(jwks_file):
    with open(jwks_file, encoding="utf-8") as f:
        own = [jwk.JWK(**k) for k in json.load(f)["keys"]]
    return [k for k in own if k.get("use") == "sig"][0], [k for k in own if k.get("use") == "enc"][0]


def inbox_events(hub, issuer, org, keys, hub_keys):
    """Every event of org's inbox, following the cursor until a page comes back empty."""
    events, after = [], None
    for _ in range(1000):
        target = "/api/v1/inbox?limit=500" + ("" if after is None else "&after=" + after)
        status, content_type, body, jti = call(hub, issuer, org, keys[0], "GET", target)
        claims = open_answer(status, content_type, body, jti, org, issuer, keys[1], hub_keys)
        if status != 200:
            fail("inbox of %s answered %d" % (org, status))
        page = claims["body"]
        if not page["events"]:
            return events
        events.extend(page["events"])
        after = page["next"]
    fail("inbox of %s does not end" % org)


def exchange_case(hub, issuer, org, jwks_file, example_file, hub_keys, hub_enc, vkey):
    keys_dir = os.path.dirname(os.path.abspath(jwks_file))
    authority = load_keys(jwks_file)
    with open(example_file, encoding="utf-8") as f:
        example = json.load(f)
    addressee = example["addressee"]

    status, content_type, body, jti, compact = call(hub, issuer, org, authority[0], "POST", "/api/v1/cases", example,
                                                    hub_enc, with_jws=True)
    claims = open_answer(status, content_type, body, jti, org, issuer, authority[1], hub_keys)
    if status not in (200, 201):
        fail("POST /api/v1/cases answered %d: %s" % (status, claims.get("problem")))
    case = claims["body"]
    if case.get("addressee") != addressee or (status == 201 and case.get("status") != "SUBMITTED") or len(case["items"]) != len(
            example["items"]):
        fail("the created case is not the example: %s" % json.dumps(case)[:300])
    entry = check_receipt(claims["receipt"], vkey, jti, compact)
    expected = "case.created" if status == 201 else "case.create.replayed"
    if entry.get("action") != expected or entry.get("target_id") != case["id"]:
        fail("receipt records %s on %s" % (entry.get("action"), entry.get("target_id")))
    print("interop case POST /api/v1/cases as %s: %d, case %s to %s, sealed, receipt (%s) verified"
          % (org, status, case["id"], addressee, expected))

    platform = load_keys(os.path.join(keys_dir, addressee + ".jwks.json"))
    events = [e for e in inbox_events(hub, issuer, addressee, platform, hub_keys) if e.get("caseId") == case["id"]]
    if not any(e["type"] == "case.created" for e in events):
        fail("the case is not in the inbox of %s" % addressee)
    status, content_type, body, jti = call(hub, issuer, addressee, platform[0], "GET", "/api/v1/cases/" + case["id"])
    claims = open_answer(status, content_type, body, jti, addressee, issuer, platform[1], hub_keys)
    if status != 200 or claims["body"]["reference"] != example["reference"]:
        fail("the addressed platform reads the case: %d" % status)
    print("interop case %s: in the inbox of %s and readable by it" % (case["id"], addressee))

    status, content_type, body, jti = call(hub, issuer, org, authority[0], "GET", "/api/v1/organizations")
    directory = open_answer(status, content_type, body, jti, org, issuer, authority[1], hub_keys)["body"]
    others = [o["id"] for o in directory["organizations"] if o.get("kind") == "PLATFORM" and o["id"] != addressee
              and os.path.exists(os.path.join(keys_dir, o["id"] + ".jwks.json"))]
    if not others:
        fail("no other platform to check isolation with")
    for other in others:
        keys = load_keys(os.path.join(keys_dir, other + ".jwks.json"))
        status, content_type, body, jti = call(hub, issuer, other, keys[0], "GET", "/api/v1/cases/" + case["id"])
        claims = open_answer(status, content_type, body, jti, other, issuer, keys[1], hub_keys)
        if status != 404 or not claims.get("problem", {}).get("type", "").endswith(":not-found"):
            fail("%s reads another platform's case: %d %s" % (other, status, claims.get("problem")))
        if any(e.get("caseId") == case["id"] for e in inbox_events(hub, issuer, other, keys, hub_keys)):
            fail("the case leaked into the inbox of %s" % other)
        print("interop case %s: 404 for %s, not in its inbox" % (case["id"], other))


def main():
    modes = ("--get-only", "--audit")
    case_mode = len(sys.argv) == 6 and sys.argv[4] == "--case"
    if not case_mode and (len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] not in modes)):
        print(__doc__)
        sys.exit(2)
    hub, org, jwks_file = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    configuration = fetch(hub + "/.well-known/hxp-configuration")
    issuer = configuration["issuer"]
    hub_keys = [jwk.JWK(**k) for k in fetch(configuration["jwks_uri"])["keys"]]
    hub_enc = [k for k in hub_keys if k.get("use") == "enc"][0]
    sig_key, enc_key = load_keys(jwks_file)

    if case_mode:
        exchange_case(hub, issuer, org, jwks_file, sys.argv[5], hub_keys, hub_enc,
                      configuration["audit_log"]["verifier_key"])
        return
    if sys.argv[-1] == "--audit":
        audit(hub, issuer, org, sig_key, enc_key, hub_keys, configuration["audit_log"]["verifier_key"])
        return

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
    status, content_type, body, jti, compact = call(hub, issuer, org, sig_key, "POST", target, {"jwk": public}, hub_enc,
                                                    with_jws=True)
    claims = open_answer(status, content_type, body, jti, org, issuer, enc_key, hub_keys)
    if status != 201 or claims["body"]["jwk"]["x"] != public["x"]:
        fail("POST answered %d: %s" % (status, claims.get("problem")))
    if "receipt" not in claims:
        fail("the answer to a change has no audit receipt")
    entry = check_receipt(claims["receipt"], configuration["audit_log"]["verifier_key"], jti, compact)
    if entry.get("action") != "key.added":
        fail("receipt records %s" % entry.get("action"))
    print("interop POST %s: 201, sealed, signature, claims and audit receipt verified" % target)


if __name__ == "__main__":
    main()

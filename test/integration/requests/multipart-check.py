"""Independent checks of a multipart/form-data body as it reached a server:
python3's email package splits it into parts (name, filename, type, bytes),
and, when asked, oauthlib builds the OAuth 1.0a base string from the query,
the Authorization header and the raw body, and signs it with HMAC-SHA1.
Reads JSON on stdin, prints JSON."""
import base64
import json
import sys
from email import policy
from email.parser import BytesParser

req = json.load(sys.stdin)
raw = base64.b64decode(req["body_b64"])
out = {}
if req["content_type"].startswith("multipart/"):
    message = BytesParser(policy=policy.HTTP).parsebytes(
        b"Content-Type: " + req["content_type"].encode("latin-1") + b"\r\n\r\n" + raw
    )
    out["defects"] = [str(d) for d in message.defects]
    parts = []
    for part in message.iter_parts():
        parts.append({
            "name": part.get_param("name", header="content-disposition"),
            "filename": part.get_filename(),
            "content_type": part.get("Content-Type"),
            "data_b64": base64.b64encode(part.get_payload(decode=True) or b"").decode("ascii"),
        })
    out["parts"] = parts
if req.get("oauth"):
    # oauthlib collects the parameters itself from the query, the Authorization
    # header and the raw body (a multipart body yields none), then signs.
    from urllib.parse import urlsplit

    from oauthlib.oauth1.rfc5849 import signature

    o = req["oauth"]
    params = signature.collect_parameters(
        uri_query=urlsplit(req["url"]).query, body=raw.decode("latin-1"), headers={"Authorization": o["authorization"]}, exclude_oauth_signature=True
    )
    base = signature.signature_base_string(req["method"], signature.base_string_uri(req["url"]), signature.normalize_parameters(params))
    out["base_string"] = base
    out["signature"] = signature.sign_hmac_sha1(base, o["consumer_secret"], "")
print(json.dumps(out))

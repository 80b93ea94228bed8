"""Independent OAuth 1.0a check for the integration tests: python3's oauthlib
builds the signature base string from what reached the server, and signs it
with HMAC when given the secret. Reads JSON on stdin, prints JSON."""
import json
import sys
from urllib.parse import parse_qsl

from oauthlib.oauth1.rfc5849 import signature

req = json.load(sys.stdin)
# Elecsnet repeats the oauth_* parameters in the body; they are signed once, from the header.
body = [(k, v) for k, v in parse_qsl(req["body"], keep_blank_values=True) if not k.startswith("oauth_")]
params = signature.collect_parameters(
    uri_query=req["query"], body=body, headers={"Authorization": req["authorization"]}, exclude_oauth_signature=True
)
base = signature.signature_base_string(req["method"], signature.base_string_uri(req["url"]), signature.normalize_parameters(params))
out = {"base_string": base}
if req.get("consumer_secret") is not None:
    sign = signature.sign_hmac_sha256 if req["method_name"] == "HMAC-SHA256" else signature.sign_hmac_sha1
    out["signature"] = sign(base, req["consumer_secret"], "")
print(json.dumps(out))

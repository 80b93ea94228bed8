import { execFileSync } from 'node:child_process';

// Each encoded form of a secret worked out by Python's standard library, not by our code.
const PYTHON = `
import sys, json, base64, binascii, urllib.parse
s, user = sys.argv[1], sys.argv[2]
b = s.encode('utf-8')
once = urllib.parse.quote(s, safe='')
print(json.dumps({
  'raw': s,
  'percent once': once,
  'percent twice': urllib.parse.quote(once, safe=''),
  'form-encoded': urllib.parse.quote_plus(s, safe=''),
  'base64': base64.b64encode(b).decode(),
  'base64 unpadded': base64.b64encode(b).decode().rstrip('='),
  'base64url': base64.urlsafe_b64encode(b).decode().rstrip('='),
  'hex lower': binascii.hexlify(b).decode(),
  'hex upper': binascii.hexlify(b).decode().upper(),
  'json-escaped': json.dumps(s, ensure_ascii=False)[1:-1],
  'json-escaped ascii': json.dumps(s)[1:-1],
  'basic pair': base64.b64encode((user + ':' + s).encode('utf-8')).decode(),
}))
`;

/** Form name -> the secret in that form; 'basic pair' is base64 of `user:secret` as an Authorization: Basic header carries it. */
export function pythonForms(secret: string, user: string): Record<string, string> {
  return JSON.parse(execFileSync('python3', ['-c', PYTHON, secret, user], { encoding: 'utf8' })) as Record<string, string>;
}

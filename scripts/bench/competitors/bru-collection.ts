// A Bruno collection bru runs (--sandbox developer, so the script may require node:crypto): a
// pre-request script fetches the token once (bru.sendRequest) and signs each send; a test fails a non-2xx.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_BODY } from './paynet-request.ts';

const REQUEST = `meta {
  name: Request a report
  type: http
  seq: 1
}

post {
  url: {{baseUrl}}/api/v1/reports
  body: json
  auth: none
}

headers {
  Content-Type: application/json
}

body:json {
${REPORT_BODY.split('\n').map((line) => `  ${line}`).join('\n')}
}

script:pre-request {
  const crypto = require('crypto');
  const timestamp = String(Math.floor(Date.now() / 1000));
  const secret = bru.getEnvVar('clientSecret');
  req.setHeader('X-Timestamp', timestamp);
  req.setHeader('X-Signature', crypto.createHmac('sha256', secret).update(timestamp).digest('hex'));
  let token = bru.getVar('token');
  if (!token || Date.now() >= Number(bru.getVar('tokenExpires') || 0)) {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: bru.getEnvVar('clientId'), client_secret: secret });
    const response = await bru.sendRequest({ method: 'POST', url: bru.getEnvVar('tokenUrl'), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: form.toString() });
    token = response.data.access_token;
    bru.setVar('token', token);
    bru.setVar('tokenExpires', String(Date.now() + (response.data.expires_in - 30) * 1000));
  }
  req.setHeader('Authorization', 'Bearer ' + token);
}

tests {
  test('2xx', function () {
    expect(res.getStatus()).to.be.within(200, 299);
  });
}
`;

/** Writes the collection (bruno.json, one request, an environment "bench" read from --env-var) into `dir`. */
export async function writeBruCollection(dir: string): Promise<void> {
  await mkdir(join(dir, 'environments'), { recursive: true });
  await writeFile(join(dir, 'bruno.json'), JSON.stringify({ version: '1', name: 'PayNet bench', type: 'collection' }, null, 2));
  await writeFile(join(dir, 'request-a-report.bru'), REQUEST);
  await writeFile(join(dir, 'environments', 'bench.bru'), 'vars {\n  baseUrl: \n  tokenUrl: \n  clientId: \n  clientSecret: \n}\n');
}

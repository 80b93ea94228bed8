// A Postman v2.1 collection newman runs: a pre-request script fetches the token once (pm.sendRequest)
// and signs each send with CryptoJS, the way a Postman user would write it; a test fails a non-2xx.
import { REPORT_BODY } from './paynet-request.ts';

const PRE_REQUEST = `
const timestamp = String(Math.floor(Date.now() / 1000));
const secret = pm.environment.get('clientSecret');
pm.request.headers.upsert({ key: 'X-Timestamp', value: timestamp });
pm.request.headers.upsert({ key: 'X-Signature', value: CryptoJS.HmacSHA256(timestamp, secret).toString(CryptoJS.enc.Hex) });
const token = pm.collectionVariables.get('token');
const expires = Number(pm.collectionVariables.get('tokenExpires') || 0);
if (token && Date.now() < expires) {
  pm.request.headers.upsert({ key: 'Authorization', value: 'Bearer ' + token });
} else {
  pm.sendRequest({
    url: pm.environment.get('tokenUrl'),
    method: 'POST',
    header: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: { mode: 'urlencoded', urlencoded: [
      { key: 'grant_type', value: 'client_credentials' },
      { key: 'client_id', value: pm.environment.get('clientId') },
      { key: 'client_secret', value: secret },
    ] },
  }, (error, response) => {
    if (error) throw error;
    const body = response.json();
    pm.collectionVariables.set('token', body.access_token);
    pm.collectionVariables.set('tokenExpires', String(Date.now() + (body.expires_in - 30) * 1000));
    pm.request.headers.upsert({ key: 'Authorization', value: 'Bearer ' + body.access_token });
  });
}`;

const TEST = `pm.test('2xx', () => pm.expect(pm.response.code).to.be.within(200, 299));`;

export function newmanCollection(): object {
  return {
    info: { name: 'PayNet bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Request a report',
        event: [
          { listen: 'prerequest', script: { type: 'text/javascript', exec: PRE_REQUEST.split('\n') } },
          { listen: 'test', script: { type: 'text/javascript', exec: [TEST] } },
        ],
        request: {
          method: 'POST',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: { mode: 'raw', raw: REPORT_BODY },
          url: '{{baseUrl}}/api/v1/reports',
        },
      },
    ],
    variable: [
      { key: 'token', value: '' },
      { key: 'tokenExpires', value: '0' },
    ],
  };
}

import type { TestSignOutput } from '../contract/keys.ts';
import { executeRequest } from '../http/index.ts';
import type { KeyService } from '../keys/key-service.ts';
import { keyTemplate } from '../keys/key-references.ts';
import { sendSigned } from '../requests/send-signed.ts';
import { SANDBOX_CREDENTIALS, sandboxEndpoints } from '../sandbox/index.ts';
import { cryptoNonces, systemClock, TokenCache, type SecretSource } from '../signing/index.ts';

/**
 * The key wizard's last step: prove a key works before handing its public
 * half to a gateway. The sandbox merchant gets this public key for the
 * duration of one signed sale, then its published default back, so the
 * samples keep working.
 */
export async function testSignWithSandbox(
  keys: KeyService,
  secrets: SecretSource,
  sandboxUrl: string,
  ref: { environment: string; name: string },
): Promise<TestSignOutput> {
  const { pem } = await keys.exportPublic(ref);
  const { login, publicKeyPem: defaultKey } = SANDBOX_CREDENTIALS.elecsnet;
  const endpoints = sandboxEndpoints(sandboxUrl);
  const register = (key: string) =>
    executeRequest({ method: 'PUT', url: endpoints.elecsnetPublicKey(login), headers: [['Content-Type', 'application/x-pem-file']], body: key });

  const registered = await register(pem);
  if (!registered.ok || registered.response.status !== 200) {
    return { accepted: false, status: registered.ok ? registered.response.status : null, message: 'The sandbox did not accept the public key.' };
  }
  try {
    const result = await sendSigned(
      {
        request: {
          method: 'POST',
          url: `${endpoints.elecsnet}/sale-form/123`,
          headers: [],
          body: { kind: 'form', pairs: [{ name: 'client_orderid', value: 'key-test' }, { name: 'amount', value: '1.00' }, { name: 'currency', value: 'USD' }] },
        },
        auth: [
          {
            type: 'oauth1',
            signatureMethod: 'RSA-SHA256',
            consumerKey: login,
            privateKey: keyTemplate(ref.name),
            realm: '',
            includeVersion: true,
            oauthParamsInBody: true,
          },
        ],
        environment: { name: ref.environment, variables: {} },
      },
      { clock: systemClock, nonces: cryptoNonces, secrets, tokens: new TokenCache(systemClock) },
    );
    if (!result.outcome.ok) return { accepted: false, status: null, message: result.outcome.error.message };
    const { status, preview } = result.outcome.response;
    const text = preview.encoding === 'utf8' ? preview.data : '';
    return { accepted: status === 200, status, message: text.trim().slice(0, 2000) };
  } finally {
    await register(defaultKey);
  }
}

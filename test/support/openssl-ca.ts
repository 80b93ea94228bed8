import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM (and one PKCS#12) made by the openssl command line at test time: a private CA nobody trusts by default. */
export type TestPki = {
  caCert: string;
  /** For 127.0.0.1 and localhost, signed by the CA. */
  serverCert: string;
  serverKey: string;
  /** A client certificate for mTLS, signed by the CA. */
  clientCert: string;
  clientKey: string;
  /** The client certificate and key as PKCS#12, base64, encrypted with pkcs12Passphrase. */
  pkcs12Base64: string;
  pkcs12Passphrase: string;
  /** Paths of the files above, for tools like curl. */
  files: { caCert: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string };
};

async function openssl(cwd: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd });
}

/** Makes the CA, a server certificate and a client certificate in `dir` (EC P-256 keys: quick to make on a busy machine). */
export async function makeTestPki(dir: string, name = 'Countersign test'): Promise<TestPki> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name} CA`]);
  await writeFile(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  await openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext']);
  await writeFile(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  await openssl(dir, ['req', ...ec, '-keyout', 'client.key', '-out', 'client.csr', '-subj', `/CN=${name} client`]);
  await openssl(dir, ['x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '2', '-extfile', 'client.ext']);
  const pkcs12Passphrase = 'p12-test-passphrase';
  await openssl(dir, ['pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-out', 'client.p12', '-passout', `pass:${pkcs12Passphrase}`]);
  const text = (file: string) => readFile(join(dir, file), 'utf8');
  return {
    caCert: await text('ca.pem'),
    serverCert: await text('server.pem'),
    serverKey: await text('server.key'),
    clientCert: await text('client.pem'),
    clientKey: await text('client.key'),
    pkcs12Base64: (await readFile(join(dir, 'client.p12'))).toString('base64'),
    pkcs12Passphrase,
    files: {
      caCert: join(dir, 'ca.pem'),
      serverCert: join(dir, 'server.pem'),
      serverKey: join(dir, 'server.key'),
      clientCert: join(dir, 'client.pem'),
      clientKey: join(dir, 'client.key'),
    },
  };
}

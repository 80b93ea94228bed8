import { describe, expect, it } from 'vitest';
import { sampleCollections } from '../../../main/workspace/samples/sample-collections.ts';

const collections = sampleCollections({
  sandboxOrigin: 'http://127.0.0.1:4010',
  paynetClientId: 'c',
  momoApiUser: 'u',
  centagateIntegrationKey: 'i',
  centagateUsername: 'n',
  centagateDevAccId: 'd',
  elecsnetLogin: 'l',
  paynetSampleReportId: 'r',
  momoSampleReferenceId: 'f',
});

function variable(collection: string, environment: string, name: string): string | undefined {
  const env = collections.find((c) => c.name === collection)?.environments.find((e) => e.name === environment);
  return env?.variables.find((v) => v.name === name)?.value;
}

// Hosts as the seeds (and MTN's sandbox) give them; blank where the seeds give none.
describe('sample environments point at the gateways the seeds name', () => {
  it('MTN MoMo UAT is the sandbox API host, not the developer portal', () => {
    expect(variable('MTN MoMo', 'UAT', 'baseUrl')).toBe('https://sandbox.momodeveloper.mtn.com');
    expect(variable('MTN MoMo', 'UAT', 'targetEnvironment')).toBe('sandbox');
    expect(variable('MTN MoMo', 'Production', 'baseUrl')).toBe('');
  });

  it('MoMo sends X-Target-Environment from the targetEnvironment variable', () => {
    const momo = collections.find((c) => c.name === 'MTN MoMo');
    const step = momo?.auth.mode === 'chain' ? momo.auth.steps[0] : undefined;
    expect(step?.type === 'momo' ? step.targetEnvironment : undefined).toBe('{{targetEnvironment}}');
  });

  it('PayNet token URLs are the ones in the PayNet API reference (seed 001)', () => {
    expect(variable('PayNet OSP', 'UAT', 'tokenUrl')).toBe('https://api.reports.uat.inet.paynet.my/token');
    expect(variable('PayNet OSP', 'Production', 'tokenUrl')).toBe('https://api.reports.paynet.my/token');
  });

  it('Elecsnet UAT is the sandbox host of seed 004; CENTAGATE has no host in its seed', () => {
    expect(variable('Elecsnet', 'UAT', 'baseUrl')).toBe('https://sandbox.elecsnet.ru');
    expect(variable('CENTAGATE', 'UAT', 'baseUrl')).toBe('');
  });

  it('every UAT and Production URL variable is blank or a full https URL without a trailing slash', () => {
    for (const collection of collections) {
      for (const env of collection.environments.filter((e) => e.name !== 'Sandbox')) {
        for (const v of env.variables.filter((x) => /url$/i.test(x.name) && x.name !== 'callbackUrl')) {
          if (v.value === '') continue;
          expect(v.value, `${collection.name}/${env.name}/${v.name}`).toMatch(/^https:\/\/[a-z0-9.-]+(\/[^\s/]+)*$/);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { FlowTemplateError, resolvePlainTemplate } from '../../../main/flows/templates.ts';

describe('resolvePlainTemplate', () => {
  it('takes a flow variable before an environment variable of the same name', () => {
    expect(resolvePlainTemplate('{{apiUser}} at {{baseUrl}}', { apiUser: 'from-flow' }, { apiUser: 'from-env', baseUrl: 'https://gw.test' })).toBe('from-flow at https://gw.test');
  });

  it('allows spaces inside the braces and keeps text without templates as it is', () => {
    expect(resolvePlainTemplate('id={{ reportId }}', { reportId: 'RPT-1' }, {})).toBe('id=RPT-1');
    expect(resolvePlainTemplate('READY', {}, {})).toBe('READY');
  });

  it('refuses an unknown variable, naming it', () => {
    expect(() => resolvePlainTemplate('{{nope}}', { a: '1' }, { b: '2' })).toThrow(new FlowTemplateError('Unknown variable {{nope}}: neither the flow nor the environment defines it.'));
  });

  it('refuses {{secret:x}}: flow values are shown in the runner', () => {
    expect(() => resolvePlainTemplate('Bearer {{secret:momo.api_key}}', {}, {})).toThrow(new FlowTemplateError('{{secret:momo.api_key}} cannot be used here: flow values are shown in the runner.'));
  });

  it('does not offer dynamic values: a request resolves those itself', () => {
    expect(() => resolvePlainTemplate('{{$uuid}}', {}, {})).toThrow(FlowTemplateError);
  });

  it('does not read inherited object properties as variables', () => {
    expect(() => resolvePlainTemplate('{{constructor}}', {}, {})).toThrow('Unknown variable {{constructor}}');
  });
});

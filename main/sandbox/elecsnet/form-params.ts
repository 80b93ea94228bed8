/** application/x-www-form-urlencoded bodies as ordered name/value pairs (repeats kept). */
import { SandboxHttpError } from '../http/http-error.ts';

export type Param = readonly [name: string, value: string];

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw new SandboxHttpError(400, `The form body has a malformed percent-escape in "${text}".`);
  }
}

export function parseFormParams(body: string): Param[] {
  if (body === '') return [];
  return body.split('&').filter((part) => part !== '').map((part) => {
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? '' : part.slice(equals + 1);
    return [decodeFormComponent(name), decodeFormComponent(value)] as const;
  });
}

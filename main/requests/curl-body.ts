import type { RequestBody } from '../signing/index.ts';

/** One curl option that sends part of a file body; the value is shell-quoted when the command is built. */
export type CurlBodyArgument = { readonly option: '-F' | '--form-string' | '--data-binary'; readonly value: string };

/** curl's -F reads `;` and `,` as separators: such a path or filename goes in double quotes, `\` and `"` escaped. */
function formValue(text: string): string {
  return /[;,"\\]/.test(text) ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : text;
}

/**
 * A multipart or binary-file body as curl options: text parts with
 * --form-string (a value starting with @ or < stays literal), file parts with
 * -F name=@path, a binary body with --data-binary @path. Files stay paths:
 * curl reads them itself. Null for the kinds that are text.
 */
export function curlBodyArguments(body: RequestBody): CurlBodyArgument[] | null {
  if (body.kind === 'binary') return [{ option: '--data-binary', value: `@${body.path}` }];
  if (body.kind !== 'multipart') return null;
  return body.parts.map((part) => {
    if (part.kind === 'text') return { option: '--form-string', value: `${part.name}=${part.value}` };
    const extras = `${part.contentType ? `;type=${part.contentType}` : ''}${part.fileName ? `;filename=${formValue(part.fileName)}` : ''}`;
    return { option: '-F', value: `${part.name}=@${formValue(part.path)}${extras}` };
  });
}

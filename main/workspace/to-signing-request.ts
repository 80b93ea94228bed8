import type { KeyValue, RequestNode } from '../contract/workspace.ts';
import type { HeaderPair, RequestBody, SigningRequest } from '../signing/types.ts';

const enabled = (pairs: readonly KeyValue[]): { name: string; value: string }[] => pairs.filter((pair) => pair.enabled).map(({ name, value }) => ({ name, value }));

function contentTypeFor(request: RequestNode): string | null {
  switch (request.body.kind) {
    case 'json':
      return 'application/json';
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'raw':
      return request.body.contentType.length > 0 ? request.body.contentType : null;
    case 'binary':
      return request.body.contentType.length > 0 ? request.body.contentType : 'application/octet-stream';
    // Its boundary is drawn at send time, so main/requests sets the header then.
    case 'multipart':
    case 'none':
      return null;
  }
}

function bodyOf(request: RequestNode): RequestBody {
  const body = request.body;
  switch (body.kind) {
    case 'none':
      return body;
    case 'json':
      return { kind: 'json', text: body.text };
    case 'form':
      return { kind: 'form', pairs: enabled(body.pairs) };
    case 'raw':
      return { kind: 'raw', text: body.text };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts
          .filter((part) => part.enabled)
          .map((part) =>
            part.kind === 'text'
              ? { kind: 'text', name: part.name, value: part.value }
              : { kind: 'file', name: part.name, path: part.path, ...(part.contentType ? { contentType: part.contentType } : {}), ...(part.fileName ? { fileName: part.fileName } : {}) },
          ),
      };
    case 'binary':
      return { kind: 'binary', path: body.path };
  }
}

/**
 * A stored request as the signing engine takes it, templates unresolved:
 * unticked headers, params and form fields are left out; enabled params are
 * appended to the URL as written (like Postman, values are not re-encoded, so
 * `{{var}}` and already-encoded text stay as they are); a Content-Type header
 * matching the body is added when the request has none.
 */
export function toSigningRequest(request: RequestNode): SigningRequest {
  const params = enabled(request.params);
  const query = params.map(({ name, value }) => (value === '' ? name : `${name}=${value}`)).join('&');
  const url = query === '' ? request.url : `${request.url}${request.url.includes('?') ? '&' : '?'}${query}`;
  const headers: HeaderPair[] = enabled(request.headers);
  const type = contentTypeFor(request);
  if (type !== null && !headers.some((header) => header.name.toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: type });
  return { method: request.method, url, headers, body: bodyOf(request) };
}

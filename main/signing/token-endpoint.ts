import { z } from 'zod';
import { SigningError } from './errors.ts';
import { redact } from './redact.ts';
import type { IssuedToken } from './token-cache.ts';
import type { SigningRequest } from './types.ts';

export type TokenHttpResponse = { readonly status: number; readonly body: string };

/** Sends a token request; injected because the HTTP executor lives elsewhere. */
export type TokenFetcher = (request: SigningRequest) => Promise<TokenHttpResponse>;

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  // Some servers send expires_in as a string.
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

const BODY_PREVIEW = 300;

/** Fetches and parses a token; errors carry the status and a redacted preview of the body. */
export async function fetchToken(fetcher: TokenFetcher, request: SigningRequest, secrets: readonly string[]): Promise<IssuedToken> {
  const response = await fetcher(request);
  const preview = (): string => redact(response.body.slice(0, BODY_PREVIEW), secrets);
  if (response.status < 200 || response.status > 299) {
    throw new SigningError(`The token endpoint ${request.url} answered ${response.status}: ${preview()}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    throw new SigningError(`The token endpoint ${request.url} did not answer JSON: ${preview()}`);
  }
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) {
    throw new SigningError(`The token endpoint ${request.url} answered without an access_token.`);
  }
  return {
    accessToken: parsed.data.access_token,
    tokenType: parsed.data.token_type ?? 'Bearer',
    expiresIn: parsed.data.expires_in,
  };
}

// The scheme lives in schemes/oauth1.ts; this path stays for the diagnosis' and tests' imports.
export { authorizationHeader, oauth1Params, oauth1Secrets, signOAuth1, type OAuth1Result } from './schemes/oauth1.ts';

// The scheme lives in schemes/paynet-signature.ts; this path stays for the diagnosis' imports.
export { signPaynet } from './schemes/paynet-signature.ts';

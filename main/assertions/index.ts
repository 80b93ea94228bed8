export { assertResponse, MAX_CHECKED_BODY_BYTES } from './assert-response.ts';
export { evaluateAssertions, failAllWithoutResponse, type ResponseFacts } from './evaluate.ts';
export { assertionLabel } from './label.ts';

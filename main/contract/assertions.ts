import { z } from 'zod';

/**
 * Checks a request carries and main evaluates after each send (main/assertions).
 * They are data, like flow steps: no scripting. Expected values are plain text
 * and may not hold secrets by design; whatever they quote of a response is
 * redacted with the rest of the send's answer.
 */

const MAX_TEXT = 10_000;
const expectedText = z.string().max(MAX_TEXT);

/** "200", or a class such as "2xx". */
export const STATUS_PATTERN = /^[1-5]([0-9][0-9]|xx)$/;

export const JSON_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null'] as const;

const enabled = z.boolean().default(true);

export const StatusAssertion = z.object({
  kind: z.literal('status'),
  enabled,
  expected: z.string().regex(STATUS_PATTERN, 'A status is three digits (200) or a class (2xx).'),
});

export const HeaderAssertion = z.object({
  kind: z.literal('header'),
  enabled,
  name: z.string().min(1).max(1000),
  op: z.enum(['equals', 'contains', 'exists', 'not-exists']),
  value: expectedText.default(''),
});

export const JsonPathAssertion = z.object({
  kind: z.literal('jsonpath'),
  enabled,
  /** A JSONPath such as $.data.status or $.items[0].id. */
  path: z.string().min(1).max(1000),
  op: z.enum(['equals', 'not-equals', 'contains', 'exists', 'not-exists', 'type']),
  /** For equals/not-equals: JSON (42, true, "OK", {"a":1}) or plain text compared with a string; for type: one of JSON_TYPES. */
  value: expectedText.default(''),
});

export const BodyContainsAssertion = z.object({
  kind: z.literal('body-contains'),
  enabled,
  value: expectedText.min(1),
  /** True: the body must NOT contain the text. */
  negate: z.boolean().default(false),
});

export const ResponseTimeAssertion = z.object({
  kind: z.literal('response-time'),
  enabled,
  /** The whole exchange (timing.totalMs) must take less than this. */
  belowMs: z.number().int().min(1).max(3_600_000),
});

export const JsonSchemaAssertion = z.object({
  kind: z.literal('json-schema'),
  enabled,
  /** A JSON Schema (draft 2020-12 or 07), as JSON text. */
  schema: z
    .string()
    .min(2)
    .max(200_000)
    .refine((text) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'The schema must be a JSON object.'),
});

export const Assertion = z.discriminatedUnion('kind', [StatusAssertion, HeaderAssertion, JsonPathAssertion, BodyContainsAssertion, ResponseTimeAssertion, JsonSchemaAssertion]);
export type Assertion = z.output<typeof Assertion>;
export type AssertionKind = Assertion['kind'];

export const MAX_ASSERTIONS = 100;
export const Assertions = z.array(Assertion).max(MAX_ASSERTIONS);

/** One evaluated assertion, returned with the send. */
export const AssertionResult = z.object({
  /** Position in the request's list (disabled ones are skipped, so indexes may have gaps). */
  index: z.number().int().min(0),
  kind: z.enum(['status', 'header', 'jsonpath', 'body-contains', 'response-time', 'json-schema']),
  /** e.g. `status is 2xx`, `$.status equals "OK"`: also the JUnit test case's name. */
  label: z.string(),
  passed: z.boolean(),
  /** What was found, for a person (cut to a few hundred characters); null when nothing was there. */
  actual: z.string().nullable(),
  /** Why it failed, or what it checked; one sentence. */
  message: z.string(),
});
export type AssertionResult = z.output<typeof AssertionResult>;

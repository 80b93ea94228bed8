import { z } from 'zod';

// Every string that crosses a door has an upper bound, so a hostile or buggy
// caller cannot make main allocate without limit.
export const SHORT_TEXT = 256;
export const LONG_TEXT = 64 * 1024;

export const shortText = (): z.ZodString => z.string().max(SHORT_TEXT);
export const longText = (): z.ZodString => z.string().max(LONG_TEXT);

/** The input every channel without parameters takes: an empty object, nothing else. */
export const noInput = z.strictObject({});

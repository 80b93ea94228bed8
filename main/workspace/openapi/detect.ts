/**
 * Whether a text is an OpenAPI 3.x document, cheaply and without loading the
 * parser: a top-level `openapi: 3.x` (YAML) or `"openapi": "3.x"` (JSON).
 * Kept apart so the doors can route an import without paying for the parser.
 */
export function isOpenApiText(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return /^\s*\{[\s\S]*?"openapi"\s*:\s*"3\.\d/.test(head) || /^['"]?openapi['"]?\s*:\s*['"]?3\.\d/m.test(head);
}

/** A Swagger 2.0 document, which the importer names instead of failing obscurely. */
export function isSwagger2Text(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return /"swagger"\s*:\s*"2\.0"/.test(head) || /^['"]?swagger['"]?\s*:\s*['"]?2\.0/m.test(head);
}

/** What "Format JSON" gives: the text indented by two spaces, or why it cannot be formatted. */
export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

const MARK = '__countersign_template_';

/**
 * Indents a JSON body. A `{{variable}}` standing for a value outside a string
 * (`"amount": {{amount}}`) is kept as written: it is swapped for a string
 * marker while parsing and put back after.
 */
export function formatJson(text: string): FormatResult {
  const templates: string[] = [];
  let masked = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (inString) {
      masked += char;
      if (char === '\\') masked += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    const end = char === '{' && text[i + 1] === '{' ? text.indexOf('}}', i + 2) : -1;
    if (end >= 0) {
      templates.push(text.slice(i, end + 2));
      masked += `"${MARK}${String(templates.length - 1)}"`;
      i = end + 1;
      continue;
    }
    if (char === '"') inString = true;
    masked += char;
  }
  try {
    const pretty = JSON.stringify(JSON.parse(masked), null, 2);
    return { ok: true, text: pretty.replace(new RegExp(`"${MARK}(\\d+)"`, 'g'), (_all, index: string) => templates[Number(index)] ?? '') };
  } catch (reason) {
    return { ok: false, error: reason instanceof Error ? reason.message : String(reason) };
  }
}

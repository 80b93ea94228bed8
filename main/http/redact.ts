/** Replaces every occurrence of each secret value (by value, not by field name). */
export function redactValues(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  const ordered = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  for (const secret of ordered) out = out.split(secret).join('[redacted]');
  return out;
}

/** A URL fit to show: user name and password removed. */
export function displayUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return '(invalid URL)';
  }
}

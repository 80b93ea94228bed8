/**
 * Where the focus goes back to when a dialog or the palette closes: the
 * control that opened it, or, when that control was re-rendered meanwhile
 * (a list refreshed, a row replaced), the control now standing in its place.
 */
export type FocusMemory = {
  element: HTMLElement | null;
  id: string;
  signature: string;
  ancestors: HTMLElement[];
};

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

function signatureOf(element: Element): string {
  const role = element.getAttribute('role') ?? '';
  const label = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 200);
  return `${element.tagName}|${role}|${label}`;
}

export function rememberFocus(active: Element | null = document.activeElement): FocusMemory {
  const element = active instanceof HTMLElement && active !== document.body ? active : null;
  const ancestors: HTMLElement[] = [];
  for (let at = element?.parentElement ?? null; at && at !== document.body; at = at.parentElement) ancestors.push(at);
  return { element, id: element?.id ?? '', signature: element ? signatureOf(element) : '', ancestors };
}

function focusable(element: HTMLElement): boolean {
  if (!element.isConnected || element.closest('[inert], dialog:not([open])')) return false;
  if ((element as HTMLButtonElement).disabled) return false;
  return element.tabIndex >= 0 || element.hasAttribute('tabindex');
}

/** The elements Tab can reach inside `root`, in order. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => element.tabIndex >= 0 && focusable(element) && !element.hidden);
}

/** The opener itself, its replacement (same id, or same kind and name under the same surviving parent), or the nearest surviving container's first stop. */
export function findReturn(memory: FocusMemory): HTMLElement | null {
  const { element } = memory;
  if (!element) return null;
  if (focusable(element)) return element;
  const byId = memory.id ? document.getElementById(memory.id) : null;
  if (byId && focusable(byId)) return byId;
  const parent = memory.ancestors.find((ancestor) => ancestor.isConnected);
  if (!parent) return null;
  const twin = [...parent.querySelectorAll<HTMLElement>(element.tagName)].find((candidate) => signatureOf(candidate) === memory.signature && focusable(candidate));
  if (twin) return twin;
  if (parent.tabIndex >= 0 && focusable(parent)) return parent;
  // Only within a container that held the opener: the whole page's first control would be a surprise.
  return parent === document.documentElement ? null : (tabbables(parent)[0] ?? null);
}

export function restoreFocus(memory: FocusMemory): void {
  const target = findReturn(memory);
  if (target && target !== document.activeElement) target.focus();
}

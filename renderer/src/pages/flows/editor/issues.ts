import type { ErrorIssue } from '../../../../../main/contract/errors.ts';
import type { FlowDraft } from './draft.ts';

/**
 * Validation issues by the path of the field they concern. Main reports
 * `flow.steps.1.captures.0.source.path` (the channel's input); the form uses
 * the same paths, so a message lands beside its field.
 */
export type IssueIndex = {
  /** Messages about exactly this path. */
  at: (path: string) => string[];
};

export const NO_ISSUES: IssueIndex = { at: () => [] };

// Zod's wording for an empty required text is about character counts; say what the user can do.
function plain(message: string): string {
  return /^Too small: expected string to have >=1 characters?$/.test(message) ? 'Required.' : message;
}

export function indexIssues(issues: readonly ErrorIssue[]): IssueIndex {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path) ?? [];
    const message = plain(issue.message);
    if (!list.includes(message)) list.push(message);
    byPath.set(issue.path, list);
  }
  // An empty field's format complaints ("starts with $") only add noise to "Required.".
  return { at: (path) => ((byPath.get(path) ?? []).includes('Required.') ? ['Required.'] : (byPath.get(path) ?? [])) };
}

/** Every path the form shows messages beside; issues elsewhere go to the summary under the form. */
export function shownPaths(draft: FlowDraft): Set<string> {
  const paths = new Set(['flow.name', 'flow.description', 'flow.steps']);
  draft.variables.forEach((_, index) => {
    paths.add(`flow.variables.${String(index)}.name`);
    paths.add(`flow.variables.${String(index)}.value`);
  });
  draft.steps.forEach((step, index) => {
    const at = `flow.steps.${String(index)}`;
    paths.add(`${at}.name`);
    step.captures.forEach((_, capture) => {
      for (const field of sourcePaths(`${at}.captures.${String(capture)}.source`)) paths.add(field);
      paths.add(`${at}.captures.${String(capture)}.target.name`);
    });
    if (step.kind === 'callback') {
      paths.add(`${at}.match`);
      paths.add(`${at}.timeoutSeconds`);
      return;
    }
    paths.add(`${at}.requestId`);
    if (!step.polls) return;
    for (const field of sourcePaths(`${at}.poll.until.source`)) paths.add(field);
    for (const field of ['until.value', 'intervalSeconds', 'timeoutSeconds', 'maxAttempts']) paths.add(`${at}.poll.${field}`);
  });
  return paths;
}

/** The source's one text field, whatever its kind calls it. */
export function sourcePaths(at: string): string[] {
  return [`${at}.path`, `${at}.name`, `${at}.template`];
}

/** "Step 2, capture 1: ..." for an issue the form could not place beside a field. */
export function describePath(path: string): string {
  const parts = path.replace(/^flow\./, '').split('.');
  const words: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const next = Number(parts[index + 1]);
    const numbered = Number.isInteger(next) ? ` ${String(next + 1)}` : '';
    if (part === 'steps') words.push(`step${numbered}`);
    else if (part === 'captures') words.push(`capture${numbered}`);
    else if (part === 'variables') words.push(`variable${numbered}`);
    else if (!/^\d+$/.test(part)) words.push(part);
    if (numbered !== '') index++;
  }
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

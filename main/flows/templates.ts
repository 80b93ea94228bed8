/**
 * `{{name}}` in captures, conditions and callback matches: the flow's
 * variables first, then the environment's. These texts are shown in the
 * runner, so secrets and dynamic values are not available here (a request
 * resolves those itself when it is signed).
 */
const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;

export class FlowTemplateError extends Error {}

export function resolvePlainTemplate(text: string, variables: Readonly<Record<string, string>>, environment: Readonly<Record<string, string>>): string {
  return text.replace(TEMPLATE, (_all, name: string) => {
    if (Object.hasOwn(variables, name)) return variables[name] ?? '';
    if (Object.hasOwn(environment, name)) return environment[name] ?? '';
    if (name.startsWith('secret:')) throw new FlowTemplateError(`{{${name}}} cannot be used here: flow values are shown in the runner.`);
    throw new FlowTemplateError(`Unknown variable {{${name}}}: neither the flow nor the environment defines it.`);
  });
}

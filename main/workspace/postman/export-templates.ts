/**
 * Countersign templates as Postman variables: `{{secret:name}}` becomes the
 * variable `{{name}}` (declared empty, so the value is given in Postman or
 * newman, never written into the file), and our dynamic variables become
 * Postman's (`{{$uuid}}` and `{{$nonce}}` are `{{$guid}}`).
 */
const SECRET = /\{\{\s*secret:([^{}]+?)\s*\}\}/g;
const OURS_TO_POSTMAN: Readonly<Record<string, string>> = { $uuid: '$guid', $nonce: '$guid' };
const DYNAMIC = /\{\{\s*(\$[A-Za-z0-9_]+)\s*\}\}/g;

export class TemplateMapper {
  /** Secret names met so far, in the order first met. */
  readonly secrets = new Set<string>();

  text(value: string): string {
    if (!value.includes('{{')) return value;
    return value
      .replace(SECRET, (_whole, name: string) => {
        this.secrets.add(name);
        return `{{${name}}}`;
      })
      .replace(DYNAMIC, (whole, name: string) => {
        const theirs = OURS_TO_POSTMAN[name];
        return theirs === undefined ? whole : `{{${theirs}}}`;
      });
  }
}

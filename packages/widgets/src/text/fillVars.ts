/**
 * Replaces `{{name}}` with `vars[name]` in one pass, so a value can never expand another
 * variable. Unknown names (and prototype keys like `constructor`) become empty.
 */
export function fillVars(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, k: string) =>
    Object.hasOwn(vars, k) ? String(vars[k]) : '',
  )
}

// PostgreSQL text and jsonb cannot hold NUL or lone UTF-16 surrogates; refusing them before the
// database keeps bad input a 400 instead of a database error.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Whether PostgreSQL would refuse `s` in a text or jsonb value. */
export function unstorable(s: string): boolean {
  return s.includes('\0') || LONE_SURROGATE.test(s)
}

// The runtime's ICU list of currencies in use: the same list browsers format with
// Intl.NumberFormat, so a code that passes here never breaks the dashboard.
let codes: Set<string> | undefined

/** Whether `code` (any case, spaces around ignored) is an ISO 4217 currency in use. */
export function isIsoCurrency(code: unknown): code is string {
  codes ??= new Set(Intl.supportedValuesOf('currency'))
  return typeof code === 'string' && codes.has(code.trim().toUpperCase())
}

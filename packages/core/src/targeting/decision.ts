import type { Decision } from './types'

/** The passing decision. */
export const OK: Decision = { show: true, code: 'ok' }

/** A failing decision with its reason code (debug/explain turns it into prose). */
export const no = (code: string, detail?: Record<string, unknown>): Decision =>
  detail ? { show: false, code, detail } : { show: false, code }

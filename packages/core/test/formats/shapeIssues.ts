/** A documented object shape: field name → JSON type, as recorded in ./fixtures. */
export interface Spec {
  required: Record<string, string>
  optional: Record<string, string>
  /** At least one of these must be present. */
  oneOf?: string[]
}

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)

/** Where `value` departs from the merged specs: missing, mistyped or undocumented fields. */
export function shapeIssues(value: unknown, at: string, ...specs: Spec[]): string[] {
  if (typeOf(value) !== 'object') return [`${at}: expected object, got ${typeOf(value)}`]
  const obj = value as Record<string, unknown>
  const req = Object.assign({}, ...specs.map((s) => s.required)) as Record<string, string>
  const all = Object.assign({}, ...specs.map((s) => s.optional), req) as Record<string, string>
  const issues: string[] = []
  for (const k of Object.keys(req)) if (!(k in obj)) issues.push(`${at}.${k}: missing`)
  for (const [k, v] of Object.entries(obj)) {
    if (!(k in all)) issues.push(`${at}.${k}: not in the documented request`)
    else if (typeOf(v) !== all[k]) issues.push(`${at}.${k}: expected ${all[k]}, got ${typeOf(v)}`)
  }
  for (const s of specs)
    if (s.oneOf && !s.oneOf.some((k) => typeof obj[k] === 'string' && obj[k]))
      issues.push(`${at}: needs one of ${s.oneOf.join(', ')}`)
  return issues
}

type SegmentLike = {
  body: Spec
  calls: { common: Spec } & Record<string, Spec>
}

/** Issues of a Segment / RudderStack batch body against its fixture. */
export function segmentIssues(body: unknown, f: SegmentLike): string[] {
  const issues = shapeIssues(body, 'body', f.body)
  for (const [i, call] of ((body as { batch?: unknown[] }).batch ?? []).entries()) {
    const spec = f.calls[(call as { type: string }).type]
    if (!spec) issues.push(`batch[${i}].type: not a documented call`)
    else issues.push(...shapeIssues(call, `batch[${i}]`, f.calls.common, spec))
  }
  return issues
}

/** Issues of a PostHog `/batch/` body against its fixture. */
export function posthogIssues(body: unknown, f: { body: Spec; event: Spec }): string[] {
  const issues = shapeIssues(body, 'body', f.body)
  for (const [i, e] of ((body as { batch?: unknown[] }).batch ?? []).entries())
    issues.push(...shapeIssues(e, `batch[${i}]`, f.event))
  return issues
}

import type { LingerEvent } from '@linger/core/wire'
import type { Context } from 'hono'
import type { Db } from '../db'
import { readBody } from './readBody'
import { storeBatch } from './storeBatch'
import { type ValidateOptions, validateBatch } from './validateBatch'
import type { WriteOrigins } from './writeOrigins'

export const MAX_BATCH_BYTES = 64 * 1024

const fail = (c: Context, status: 400 | 403 | 413 | 415, error: string, issues: unknown[] = []) =>
  c.json({ error, issues }, status)

/**
 * `POST /v1/batch`: JSON or `text/plain` (sendBeacon) up to 64 KiB → validate → store once per
 * site and event id → `{ accepted, duplicates }`, plus `warnings` (with paths) for values stored
 * as given but reported apart. Bad input is always a 4xx with the reason; a batch from an origin
 * LINGER_ORIGINS does not list for its site is a 403.
 */
export async function handleBatch(
  c: Context,
  db: Db,
  {
    onAccepted,
    writers,
    ...options
  }: ValidateOptions & { onAccepted?: (fresh: LingerEvent[]) => void; writers?: WriteOrigins } = {},
): Promise<Response> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'text/plain')
    return fail(c, 415, 'Content-Type must be application/json or text/plain')
  const text = await readBody(c.req.raw, MAX_BATCH_BYTES)
  if (text === 'too-large') return fail(c, 413, 'batch larger than 64 KiB')
  if (text === 'bad-encoding') return fail(c, 400, 'body is not valid UTF-8')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    return fail(c, 400, 'body is not valid JSON', [{ path: '', message: (error as Error).message }])
  }
  const checked = validateBatch(body, options)
  if (checked.issues) return fail(c, 400, 'invalid batch', checked.issues)
  const origin = c.req.header('origin')
  if (writers && !writers.allows(checked.batch.site, origin))
    return fail(c, 403, 'origin may not write to this site', [
      {
        path: 'site',
        message: `${origin ? `origin ${origin}` : 'a request without an Origin header'} may not write to "${checked.batch.site}" (LINGER_ORIGINS)`,
      },
    ])
  const stored = await storeBatch(db, checked.batch, onAccepted)
  return c.json(checked.warnings.length ? { ...stored, warnings: checked.warnings } : stored)
}

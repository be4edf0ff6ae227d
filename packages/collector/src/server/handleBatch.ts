import type { LingerEvent } from '@linger/core/wire'
import type { Context } from 'hono'
import type { Db } from '../db'
import { readBody } from './readBody'
import { storeBatch } from './storeBatch'
import { validateBatch } from './validateBatch'

export const MAX_BATCH_BYTES = 64 * 1024

const fail = (c: Context, status: 400 | 413 | 415, error: string, issues: unknown[] = []) =>
  c.json({ error, issues }, status)

/**
 * `POST /v1/batch`: JSON or `text/plain` (sendBeacon) up to 64 KiB → validate → store once per
 * event id → `{ accepted, duplicates }`. Bad input is always a 4xx with the reason.
 */
export async function handleBatch(
  c: Context,
  db: Db,
  onAccepted?: (fresh: LingerEvent[]) => void,
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
  const checked = validateBatch(body)
  if (checked.issues) return fail(c, 400, 'invalid batch', checked.issues)
  return c.json(await storeBatch(db, checked.batch, onAccepted))
}

import type { Context } from 'hono'
import type { Db } from '../db'
import { PushError, type SendOptions, sendPush } from '../push'
import { unstorable } from './unstorable'

const optional = (v: unknown) => v === undefined || typeof v === 'string'
// Segment fields go into SQL parameters: PostgreSQL refuses NUL and lone surrogates there.
const storable = (v: unknown) => typeof v !== 'string' || !unstorable(v)

/**
 * `POST /v1/push` (admin): `{ site, title, body?, url?, campaign?, visitor? }` → sends to that
 * segment and answers `{ targeted, sent, removed, failed }`.
 */
export async function handlePush(c: Context, db: Db, options: SendOptions) {
  const m = await c.req.json().catch(() => undefined)
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.site !== 'string' ||
    typeof m.title !== 'string' ||
    ![m.body, m.url, m.campaign, m.visitor].every(optional) ||
    ![m.site, m.campaign, m.visitor].every(storable)
  )
    return c.json(
      {
        error: 'expected { site, title, body?, url?, campaign?, visitor? } as JSON, strings without NUL',
        issues: [],
      },
      400,
    )
  try {
    const segment = { site: m.site, campaign: m.campaign, visitor: m.visitor }
    return c.json(await sendPush(db, segment, m, options))
  } catch (error) {
    if (!(error instanceof PushError)) throw error
    const status = error.code === 'no-vapid' ? 503 : error.code === 'payload-too-large' ? 413 : 400
    return c.json({ error: error.message, issues: [] }, status)
  }
}

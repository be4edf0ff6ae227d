import type { StateKv } from '../targeting/caps'
import { parseUtm } from '../targeting/parseUtm'

/** The session's landing page, its referrer and UTM parameters: kept for the whole session. */
export interface Landing {
  sid: string
  url: string
  referrer: string
  utm: Record<string, string>
}

/** The stored landing of this session, or this page as the landing of a new session. */
export async function loadLanding(kv: StateKv, sessionId: string, win: Window): Promise<Landing> {
  let stored: Landing | undefined
  try {
    stored = (await kv.get('landing')) as Landing | undefined
  } catch {}
  if (stored?.sid === sessionId) return stored
  const url = win.location.href
  const landing = { sid: sessionId, url, referrer: win.document.referrer, utm: parseUtm(url) }
  await kv.set('landing', landing).catch(() => {})
  return landing
}

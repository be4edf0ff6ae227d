import { type NpsGroup, npsGroup } from '../survey/npsGroup'

/** The slice of a KvStore that frequency state needs (structural, so tests can pass a Map-backed fake). */
export interface StateKv {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<unknown>
  /** Reads many keys in one transaction (a KvStore can); without it, each key is its own read. */
  getMany?(keys: string[]): Promise<unknown[]>
}

/**
 * Per campaign: shown this session (`s` in session `sid`), total `t`, last dismiss `d` / convert
 * `c` / show `at` (ms), page view index of the last show `pv`; surveys: shows answered `r`, and
 * the show (`t`) whose answer was counted last `ra`.
 */
export interface CampaignCaps {
  sid?: string
  s: number
  t: number
  d?: number
  c?: number
  at?: number
  pv?: number
  r?: number
  ra?: number
}

/**
 * Across campaigns: widgets shown this session, when the last one closed, page views in total;
 * when any survey last showed `sv`, and the visitor's last NPS group and CSAT score (on 1–5)
 * with when they answered (`audience.survey`).
 */
export interface GlobalCaps {
  sid?: string
  shown: number
  closedAt?: number
  pv: number
  sv?: number
  nps?: { g: NpsGroup; at: number }
  csat?: { s: number; at: number }
}

export interface Caps {
  global: GlobalCaps
  campaign(id: string): CampaignCaps
  /** Count a page view (for `everyPageviews`). */
  pageview(): void
  /** Count a show; `global` false for a held-out visitor (counts for the campaign, not the session limit); `survey` for nps, csat and survey kinds. */
  shown(id: string, global?: boolean, survey?: boolean): void
  /** A survey answer (`survey.answered` props): the last NPS group / CSAT score, and one response per show. */
  answered(id: string, props: Record<string, unknown> | undefined, now: number): void
  closed(id: string, reason: 'dismissed' | 'converted' | 'completed', now: number): void
}

/**
 * Frequency and fairness state, read once from the kv and written through on change (one key
 * per campaign, so two tabs clobber each other less). Session counters reset when `sessionId` changes.
 */
export async function loadCaps(kv: StateKv, sessionId: string, ids: string[]): Promise<Caps> {
  // One read for all of them: on every page, before any trigger is armed (issue 23's boot-up).
  // A failed read leaves the defaults (and the counters then live in memory).
  const keys = ['g', ...ids.map((id) => `c:${id}`)]
  let values: unknown[] = []
  try {
    values = await (kv.getMany ? kv.getMany(keys) : Promise.all(keys.map((k) => kv.get(k))))
  } catch {}
  const g: GlobalCaps = { shown: 0, pv: 0, ...(values[0] as object | undefined) }
  const byId: Record<string, CampaignCaps> = {}
  ids.forEach((id, i) => {
    byId[id] = { s: 0, t: 0, ...(values[i + 1] as object | undefined) }
  })
  if (g.sid !== sessionId) Object.assign(g, { sid: sessionId, shown: 0 })
  const save = (key: string, value: unknown) => void kv.set(key, value).catch(() => {})
  const campaign = (id: string) => {
    byId[id] ??= { s: 0, t: 0 }
    const c = byId[id]
    if (c.sid !== sessionId) Object.assign(c, { sid: sessionId, s: 0 })
    return c
  }
  return {
    global: g,
    campaign,
    pageview() {
      g.pv++
      save('g', g)
    },
    shown(id, global = true, survey = false) {
      const c = campaign(id)
      c.s++
      c.t++
      c.pv = g.pv
      c.at = Date.now()
      if (survey) g.sv = c.at
      if (global) g.shown++
      save(`c:${id}`, c)
      save('g', g)
    },
    answered(id, p, now) {
      const c = campaign(id)
      const score = p?.score
      if (typeof score === 'number' && p?.survey === 'nps') g.nps = { g: npsGroup(score), at: now }
      const scale = typeof p?.scale === 'number' ? p.scale : 5
      if (typeof score === 'number' && p?.survey === 'csat' && scale > 1)
        g.csat = { s: 1 + ((score - 1) * 4) / (scale - 1), at: now }
      if (c.ra !== c.t) c.r = (c.r ?? 0) + 1
      c.ra = c.t
      save(`c:${id}`, c)
      save('g', g)
    },
    closed(id, reason, now) {
      const c = campaign(id)
      if (reason === 'dismissed') c.d = now
      else c.c = now
      g.closedAt = now
      save(`c:${id}`, c)
      save('g', g)
    },
  }
}

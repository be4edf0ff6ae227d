// @vitest-environment node
import { beforeAll, expect, it } from 'vitest'
import type { LingerEvent } from '../../core/src/types'
import type { Report } from '../src/report'
import { createApp } from '../src/server'
import { forEachDatabase, SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 12, minute)).toISOString()
const on = (
  type: string,
  visitorId: string,
  props: Record<string, unknown> = {},
  minute = 0,
  campaignId = 'flow',
) => event({ site: 'flows', type, visitorId, campaignId, ts: at(minute), props })
const shown = (v: string) => on('campaign.shown', v, { kind: 'survey' })
const rec = (v: string, score: number, minute = 1) =>
  on('survey.answered', v, { survey: 'nps', question: 'rec', index: 0, score, scale: 10 }, minute)
const which = (v: string, choice: string, other?: string) =>
  on(
    'survey.answered',
    v,
    { survey: 'single', question: 'which', index: 1, choice, ...(other && { other }) },
    2,
  )
const why = (v: string) =>
  on('survey.answered', v, { survey: 'text', question: 'why', index: 2, comment: 'x' }, 3)
const done = (v: string, answered: number, ms: number) => on('survey.completed', v, { answered, ms }, 4)

// Worked out by hand: six visitors shown the flow (rec → which → why; detractors jump to why).
const fixture: LingerEvent[] = [
  ...['v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map(shown),
  // v1: detractor → why → end (20 s).
  rec('v1', 3),
  why('v1'),
  done('v1', 2, 20_000),
  // v2: passive → which (ads) → end (10 s); answered rec twice: the latest (8) counts.
  rec('v2', 6, 0),
  rec('v2', 8),
  which('v2', 'ads'),
  done('v2', 2, 10_000),
  // v3: passive → which (other) → left the page: stopped after "which".
  rec('v3', 7),
  which('v3', 'other', 'A podcast'),
  // v4: promoter → closed on "which" without answering it: stopped after "rec", closed on "which".
  rec('v4', 10),
  on('survey.abandoned', 'v4', { question: 'which', index: 1, answered: 1 }, 2),
  // v5: shown, never answered. v6: passive, then left: stopped after "rec".
  rec('v6', 8),
  // Single-question NPS answers (no `question`) are not a flow.
  on('survey.answered', 'x1', { survey: 'nps', score: 9, scale: 10 }, 1, 'nps-main'),
]

forEachDatabase('GET /v1/report surveys (flows)', (db) => {
  let report: Report
  beforeAll(async () => {
    const app = createApp({ db: db(), adminToken: 'secret' })
    expect((await app.request('/v1/batch', post(batch(fixture)))).status).toBe(200)
    const res = await app.request('/v1/report?site=flows&from=2026-01-01&to=2026-02-01', {
      headers: { authorization: 'Bearer secret' },
    })
    expect(res.status).toBe(200)
    report = (await res.json()) as Report
  }, SLOW)

  it('shows each flow: reach, completion, median time; per question answers, mean and drop-off', () => {
    expect(report.surveys).toEqual([
      {
        campaignId: 'flow',
        shown: 6,
        started: 5,
        completed: 2,
        completionRate: (2 / 6) * 100,
        medianSeconds: 15,
        questions: [
          {
            question: 'rec',
            index: 0,
            type: 'nps',
            answered: 5,
            stoppedAfter: 2, // v4, v6
            dropOff: 40,
            closedHere: 0,
            mean: (3 + 8 + 7 + 10 + 8) / 5,
            answers: [
              { value: '8', n: 2 },
              { value: '10', n: 1 },
              { value: '3', n: 1 },
              { value: '7', n: 1 },
            ],
          },
          {
            question: 'which',
            index: 1,
            type: 'single',
            answered: 2,
            stoppedAfter: 1, // v3
            dropOff: 50,
            closedHere: 1, // v4
            mean: null,
            answers: [
              { value: 'ads', n: 1 },
              { value: 'other', n: 1 },
            ],
          },
          {
            question: 'why',
            index: 2,
            type: 'text',
            answered: 1,
            stoppedAfter: 0,
            dropOff: 0,
            closedHere: 0,
            mean: null,
            answers: [],
          },
        ],
      },
    ])
  })

  it("counts a flow's NPS answers in the NPS figures (the latest per visitor), next to single-question ones", () => {
    expect(report.nps.responses).toBe(6)
    expect(report.nps.promoters).toBe(2) // v4's 10, x1's 9
  })
})

// @vitest-environment node
import { expect, it } from 'vitest'
import { retentionReport } from '../src/report/retention/retentionReport'
import { forEachDatabase } from './helpers/databases'
import { insert, purchase } from './retention-fixtures'

forEachDatabase('retention: cohorts and trend', (db) => {
  it('groups customers by first-order month and counts who ordered k months later', async () => {
    const site = 'cohorts'
    const p = (ts: string, who: string) => purchase(site, `${ts}T12:00:00Z`, who, 10)
    await insert(db(), [
      // December 2025 customer: first order outside the period, so in no cohort.
      p('2025-12-20', 'w1'),
      p('2026-01-15', 'w1'),
      // January cohort (4): Feb ordered by x1, x4 → 50 %; Mar by x2, x4 → 50 %.
      p('2026-01-05', 'x1'),
      p('2026-02-05', 'x1'),
      p('2026-01-10', 'x2'),
      p('2026-03-10', 'x2'),
      p('2026-01-20', 'x3'),
      p('2026-01-25', 'x4'),
      p('2026-02-01', 'x4'),
      p('2026-03-01', 'x4'),
      p('2026-03-02', 'x4'), // twice in March still counts once
      // February cohort (2): March ordered by y1 → 50 %.
      p('2026-02-03', 'y1'),
      p('2026-03-03', 'y1'),
      p('2026-02-14', 'y2'),
      // March cohort (1).
      p('2026-03-30', 'z1'),
      // After the period: ignored.
      p('2026-04-02', 'y2'),
    ])
    const r = await retentionReport(db(), { site, from: '2026-01-01', to: '2026-04-01' })
    expect(r.cohorts).toEqual([
      { cohort: '2026-01', customers: 4, retained: [100, 50, 50] },
      { cohort: '2026-02', customers: 2, retained: [100, 50] },
      { cohort: '2026-03', customers: 1, retained: [100] },
    ])
    // Trend, activeDays 90:
    // Jan: S = {w1} (Dec 20 in [Oct 3, Jan 1)); at Feb 1 (window from Nov 3) w1 and x1…x4 active → E = 5;
    //      N = x1…x4 = 4; lost 0 → CRR (5 − 4) / 1 = 100, churn 0.
    // Feb: S = 5 (w1, x1…x4); at Mar 1 (window from Dec 1) still all 5 plus y1, y2 → E = 7; N = 2;
    //      CRR (7 − 2) / 5 = 100, churn 0.
    // Mar: S = 7; at Apr 1 (window from Jan 1) w1 (Jan 15) and all others active, plus z1 → E = 8;
    //      N = 1; CRR (8 − 1) / 7 = 100, churn 0.
    expect(
      r.trend.map(({ month, customersStart, customersNew, customersEnd, lost, crr, churn }) => [
        month,
        customersStart,
        customersNew,
        customersEnd,
        lost,
        crr,
        churn,
      ]),
    ).toEqual([
      ['2026-01', 1, 4, 5, 0, 100, 0],
      ['2026-02', 5, 2, 7, 0, 100, 0],
      ['2026-03', 7, 1, 8, 0, 100, 0],
    ])
    // With a 30-day window the trend shows churn. Feb 1 window [Jan 2, Feb 1): x1…x4 and w1 (Jan 15) → S(Feb) = 5.
    // Mar 1 window [Jan 30, Mar 1): x1 (Feb 5), x4 (Feb 1), y1, y2 → E = 4; N = 2 (y1, y2);
    // lost = w1, x2, x3 = 3 → CRR (4 − 2) / 5 = 40, churn 3 / 5 = 60.
    const short = await retentionReport(db(), { site, from: '2026-01-01', to: '2026-04-01', activeDays: 30 })
    expect(short.trend[1]).toMatchObject({
      month: '2026-02',
      customersStart: 5,
      customersEnd: 4,
      customersNew: 2,
      lost: 3,
    })
    expect(short.trend[1]!.crr).toBe(40)
    expect(short.trend[1]!.churn).toBe(60)
  })

  it('clips the first and last trend months to the period', async () => {
    const r = await retentionReport(db(), { site: 'clip', from: '2026-01-15', to: '2026-03-10' })
    expect(r.trend.map((t) => [t.month, t.from, t.to])).toEqual([
      ['2026-01', '2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.000Z'],
    ])
  })
})

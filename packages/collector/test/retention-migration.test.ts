// @vitest-environment node
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { migrate, openDatabase } from '../src/db'
import { retentionReport } from '../src/report/retention/retentionReport'
import { event, insert, purchase } from './retention-fixtures'

const targets = [
  { kind: 'pglite', open: () => openDatabase({ dataDir: 'memory://', migrate: false }) },
  ...(process.env.LINGER_TEST_DATABASE_URL
    ? [
        {
          kind: 'postgres',
          open: () =>
            openDatabase({
              databaseUrl: process.env.LINGER_TEST_DATABASE_URL,
              schema: `t_${randomBytes(6).toString('hex')}`,
              migrate: false,
            }),
        },
      ]
    : []),
]

describe.each(targets)('retention migrations on $kind', ({ open }) => {
  it('link identities and collect orders for events stored before them', { timeout: 90_000 }, async () => {
    const db = await open()
    const dir = mkdtempSync(join(tmpdir(), 'linger-mig-'))
    try {
      // Only the events table first, as a collector from before retention had it.
      copyFileSync(
        new URL('../src/db/migrations/001-events.sql', import.meta.url),
        join(dir, '001-events.sql'),
      )
      await migrate(db, pathToFileURL(`${dir}/`))
      const site = 'old'
      await insert(db, [
        purchase(site, '2026-01-05T10:00:00Z', 'v', 30, { orderId: 'X' }),
        purchase(site, '2026-01-05T10:01:00Z', 'v', 30, { orderId: 'X' }),
        event(site, 'identify', '2026-01-06T10:00:00Z', 'v', {
          user_id: 'u',
          props: { traits: { email: 'u@example.com' } },
        }),
        purchase(site, '2026-01-09T10:00:00Z', 'w', 20, { user: 'u' }),
        event(site, 'survey.answered', '2026-01-10T10:00:00Z', 'w', {
          user_id: 'u',
          campaign_id: 'nps-main',
          props: { survey: 'nps', score: 9, scale: 10 },
        }),
      ])
      const applied = await migrate(db)
      expect(applied).toEqual(
        expect.arrayContaining([
          '101-retention.sql',
          '102-retention-orders.sql',
          '103-retention-emails.sql',
          '104-retention-nps.sql',
        ]),
      )
      // X once (30) and w's order (20), both the user u's: 1 customer, 2 orders.
      const r = await retentionReport(db, { site, from: '2026-01-01', to: '2026-02-01' })
      expect(r).toMatchObject({ customers: 1, orders: 2, revenue: 50, repeatPurchaseRate: 100 })
      expect(r.segments.email.withEmail.customers).toBe(1)
      expect(r.segments.nps[0]).toMatchObject({ group: 'promoters', customers: 1, revenue: 50 })
      // And the triggers keep both tables current from now on.
      await insert(db, [purchase(site, '2026-01-20T10:00:00Z', 'v', 10)])
      expect((await retentionReport(db, { site, from: '2026-01-01', to: '2026-02-01' })).orders).toBe(3)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await db.close()
    }
  })
})

// @vitest-environment node
// A database made by an earlier collector (every migration up to 104, with data in it) opens
// with today's collector and migrates: an embedded PGlite data directory on disk, and PostgreSQL.
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type Db, migrate, type OpenOptions, openDatabase } from '../src/db'
import { createApp } from '../src/server'
import { SLOW } from './helpers/databases'
import { batch, event, post } from './helpers/events'

const migrations = fileURLToPath(new URL('../src/db/migrations/', import.meta.url))
const postgresUrl = process.env.LINGER_TEST_DATABASE_URL

/** Where an earlier collector left its data: a PGlite directory on disk, or a PostgreSQL schema. */
const targets: Array<{
  kind: string
  where: () => OpenOptions
  drop: (db: Db, o: OpenOptions) => Promise<void>
}> = [
  {
    kind: 'pglite data directory',
    where: () => ({ dataDir: mkdtempSync(join(tmpdir(), 'linger-old-data-')) }),
    drop: async (_db, o) => rmSync(o.dataDir!, { recursive: true, force: true }),
  },
  ...(postgresUrl
    ? [
        {
          kind: 'postgres',
          where: () => ({ databaseUrl: postgresUrl, schema: `t_${randomBytes(6).toString('hex')}` }),
          drop: (db: Db, o: OpenOptions) => db.exec(`drop schema ${o.schema} cascade`),
        },
      ]
    : []),
]

describe.each(targets)('a $kind from before per-site event ids', ({ where, drop }) => {
  it('opens, migrates, keeps its data, and then de-duplicates per site', { timeout: SLOW * 2 }, async () => {
    const options = where()
    // The collector before this change: migrations 001–104 only.
    const old = mkdtempSync(join(tmpdir(), 'linger-old-migrations-'))
    for (const f of readdirSync(migrations).filter((f) => f < '105'))
      copyFileSync(join(migrations, f), join(old, f))
    const before = await openDatabase({ ...options, migrate: false })
    await migrate(before, pathToFileURL(`${old}/`))
    await before.query(
      `insert into events (id, site, type, ts, visitor_id, session_id, url) values ('x1', 'a', 'page.viewed', now(), 'v', 's', '/')`,
    )
    await before.query(
      `insert into push_subscriptions (endpoint, keys, site, visitor_id) values ('https://fcm.googleapis.com/fcm/send/e', '{}', 'a', 'v')`,
    )
    await before.close()
    rmSync(old, { recursive: true, force: true })

    const db = await openDatabase(options)
    try {
      const names = (await db.query<{ name: string }>('select name from migrations order by name')).rows
      expect(names.map((r) => r.name)).toContain('105-per-site-ids.sql')
      expect((await db.query('select id, site from events')).rows).toEqual([{ id: 'x1', site: 'a' }])
      expect((await db.query('select site from push_subscriptions')).rows).toEqual([{ site: 'a' }])
      const same = event({ type: 'page.viewed', site: 'b', id: 'x1' })
      const res = await createApp({ db }).request('/v1/batch', post(batch([same], 'b')))
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0 })
    } finally {
      await drop(db, options)
      await db.close()
    }
  })
})

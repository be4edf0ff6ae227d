import { readdir, readFile } from 'node:fs/promises'
import type { Db } from './types'

const migrationsDir = new URL('./migrations/', import.meta.url)

/**
 * Applies every `migrations/*.sql` file not applied yet, in filename order (one series: 001–003,
 * then 101–104, numbered apart when retention was added and kept so because databases record
 * applied names, then 105 on), each in its own
 * transaction, and records it in `migrations`. On PostgreSQL an advisory lock keeps collectors
 * that start together from applying the same file twice.
 */
export async function migrate(db: Db, dir: URL = migrationsDir): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  return db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query(`select pg_advisory_xact_lock(hashtext('linger-migrations'))`)
    await tx.exec(
      'create table if not exists migrations (name text primary key, applied_at timestamptz not null default now())',
    )
    const done = new Set(
      (await tx.query<{ name: string }>('select name from migrations')).rows.map((r) => r.name),
    )
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      await tx.exec(await readFile(new URL(file, dir), 'utf8'))
      await tx.query('insert into migrations (name) values ($1)', [file])
      applied.push(file)
    }
    return applied
  })
}

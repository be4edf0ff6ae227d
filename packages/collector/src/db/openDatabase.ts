import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { migrate } from './migrate'
import type { Db, OpenOptions, Queryable } from './types'

// Same JS types from both drivers: counts (int8) and numeric as numbers, dates as strings.
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082
const toNumber = (v: string) => Number(v)
const asIs = (v: string) => v

const schemaName = (s: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(s)) throw new Error(`invalid schema name: ${s}`)
  return s
}

/**
 * Opens the collector's database — PostgreSQL when `databaseUrl` is given, else embedded PGlite
 * in `dataDir` — and applies pending migrations. Sessions run in UTC.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema)
    : await openPglite(options)
  if (options.migrate !== false) {
    try {
      await migrate(db)
    } catch (error) {
      await db.close()
      throw error
    }
  }
  return db
}

async function openPglite({ dataDir = '.linger-data', schema }: OpenOptions): Promise<Db> {
  const lite = new PGlite(dataDir, { parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs } })
  await lite.exec(`set timezone to 'UTC'`)
  if (schema)
    await lite.exec(`create schema if not exists ${schemaName(schema)}; set search_path to ${schema}`)
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params)).rows as never[] }),
    exec: async (sql) => {
      await q.exec(sql)
    },
  })
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
  }
}

async function openPostgres(connectionString: string, schema?: string): Promise<Db> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 || oid === NUMERIC
        ? toNumber
        : oid === DATE
          ? asIs
          : pg.types.getTypeParser(oid, format)) as never,
  }
  if (schema) {
    const client = new pg.Client({ connectionString })
    await client.connect()
    try {
      await client.query(`create schema if not exists ${schemaName(schema)}`)
    } finally {
      await client.end()
    }
  }
  const options = `-c timezone=UTC${schema ? ` -c search_path=${schema}` : ''}`
  const pool = new pg.Pool({ connectionString, options, types, max: 10 })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('linger collector: database connection error', error.message))
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => ({ rows: (await q.query(sql, params as unknown[])).rows }),
    exec: async (sql) => {
      await q.query(sql)
    },
  })
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn(wrap(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

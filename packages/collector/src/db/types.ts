/** Statements that run inside one transaction (same connection). */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>
}

/**
 * The collector's database: embedded PGlite or PostgreSQL, same SQL for both. Rows come back
 * with the same JS types on both: int8 and numeric as numbers, timestamptz as Date, jsonb parsed.
 */
export interface Db extends Queryable {
  kind: 'pglite' | 'postgres'
  /** Runs `fn` in a transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL connection string; wins over `dataDir`. */
  databaseUrl?: string
  /** PGlite data directory (default `.linger-data`); `memory://` keeps it in memory. */
  dataDir?: string
  /** Use (and create) this schema instead of `public`; tests use one per file. */
  schema?: string
  /** Apply migrations on open (default true). */
  migrate?: boolean
}

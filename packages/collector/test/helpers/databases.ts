import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe } from 'vitest'
import { type Db, openDatabase } from '../../src/db'

const postgresUrl = process.env.LINGER_TEST_DATABASE_URL
/** Starting PGlite's WebAssembly on a busy machine can take many seconds. */
export const SLOW = 60_000

/**
 * Declares `fn`'s tests twice: on in-memory PGlite and on PostgreSQL (a fresh schema per
 * block in the database at LINGER_TEST_DATABASE_URL, dropped afterwards). Each block gets its
 * own freshly migrated Db through `db()`. Without the variable the PostgreSQL block is skipped
 * and its title says why. Test files using it need `// @vitest-environment node`.
 */
export function forEachDatabase(name: string, fn: (db: () => Db, kind: Db['kind']) => void): void {
  describe(`${name} [pglite]`, () => {
    let db: Db | undefined
    beforeAll(async () => {
      db = await openDatabase({ dataDir: 'memory://' })
    }, SLOW)
    afterAll(() => db?.close())
    fn(() => db!, 'pglite')
  })

  const pgTitle = `${name} [postgres]`
  if (!postgresUrl) {
    describe.skip(`${pgTitle} — skipped: LINGER_TEST_DATABASE_URL is not set (npm test starts a PostgreSQL)`, () =>
      fn(() => undefined as never, 'postgres'))
    return
  }
  describe(pgTitle, () => {
    let db: Db | undefined
    const schema = `t_${randomBytes(6).toString('hex')}`
    beforeAll(async () => {
      db = await openDatabase({ databaseUrl: postgresUrl, schema })
    }, SLOW)
    afterAll(async () => {
      if (!db) return
      await db.exec(`drop schema ${schema} cascade`)
      await db.close()
    })
    fn(() => db!, 'postgres')
  })
}

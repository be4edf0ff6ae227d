import { parseArgs } from 'node:util'
import { openDatabase } from './db'
import { PushError, sendPush, testOriginsFromEnv, vapidFromEnv } from './push'
import { startServer } from './server'

const USAGE = `usage:
  linger-collector                      start the collector (env: PORT, HOST, DATABASE_URL, LINGER_DATA_DIR,
                                        LINGER_ADMIN_TOKEN, LINGER_ORIGINS, LINGER_VAPID_*, LINGER_RELAY_*,
                                        LINGER_WEBHOOK_URL, LINGER_WEBHOOK_SECRET, LINGER_WEBHOOK_FILTER)
  linger-collector push --site S --title T [--body B] [--url U] [--campaign ID | --visitor ID]
  linger-collector seed …               fill the database with demo data (see seed --help)`

/** `push`: sends one notification to a segment and prints what happened. */
async function push(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(
      ['site', 'title', 'body', 'url', 'campaign', 'visitor'].map((k) => [k, { type: 'string' as const }]),
    ),
  })
  const { site, title, body, url, campaign, visitor } = values as Record<string, string | undefined>
  if (!site || !title) {
    console.error(`push: --site and --title are required\n${USAGE}`)
    return 2
  }
  if (campaign && visitor) {
    console.error('push: give --campaign or --visitor, not both')
    return 2
  }
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.LINGER_DATA_DIR || '.linger-data',
  })
  try {
    const result = await sendPush(
      db,
      { site, campaign, visitor },
      { title, body, url },
      { vapid: vapidFromEnv(), testOrigins: new Set(testOriginsFromEnv()) },
    )
    console.log(
      `push: ${result.sent} sent, ${result.removed} expired and removed, ${result.failed.length} failed (of ${result.targeted})`,
    )
    for (const f of result.failed) console.log(`  failed ${f.endpoint}: ${f.status ?? ''} ${f.error}`)
    return result.failed.length ? 1 : 0
  } catch (error) {
    if (error instanceof PushError) {
      console.error(error.message)
      return 2
    }
    throw error
  } finally {
    await db.close()
  }
}

/** Entry point of `linger-collector`: no subcommand starts the server. */
export async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv
  if (command === undefined || command === 'start') {
    const { stop } = await startServer()
    const shutdown = () => stop().then(() => process.exit(0))
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
    return undefined
  }
  if (command === 'push') return push(rest)
  // Loaded only when asked for: starting the server should not pay for the seed generator.
  if (command === 'seed') return (await import('./seed/cli')).main(rest)
  console.error(command === '--help' || command === 'help' ? USAGE : `unknown command: ${command}\n${USAGE}`)
  return command === '--help' || command === 'help' ? 0 : 2
}

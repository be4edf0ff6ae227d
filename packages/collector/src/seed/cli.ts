import { parseArgs } from 'node:util'
import { openDatabase } from '../db'
import { seed } from './seed'

const USAGE = `usage: linger-collector seed [--visitors 20000] [--months 12] [--seed 42] [--site demo-shop]
                             [--end 2026-12-01T00:00:00Z]
  Writes a deterministic, plausible shop history (page views, identifies, carts, purchases
  with repeat customers, campaign exposures with variants and ~10 % hold-outs, NPS and CSAT
  answers, push opt-ins) into the collector's database: DATABASE_URL, else LINGER_DATA_DIR
  (default .linger-data). The same options always give the same events.`

/** Fixed so that a seed is reproducible from its options alone. */
export const DEFAULT_END = '2026-12-01T00:00:00Z'

const whole = (name: string, value: string, min: number, max: number) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`seed: --${name} must be a whole number from ${min} to ${max}`)
  return n
}

/** `linger-collector seed …`: returns the process exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: { site: string; visitors: number; months: number; seed: number; end: Date }
  try {
    const { values } = parseArgs({
      args,
      options: {
        visitors: { type: 'string', default: '20000' },
        months: { type: 'string', default: '12' },
        seed: { type: 'string', default: '42' },
        site: { type: 'string', default: 'demo-shop' },
        end: { type: 'string', default: DEFAULT_END },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help) {
      console.log(USAGE)
      return 0
    }
    const end = new Date(values.end)
    if (Number.isNaN(end.getTime()))
      throw new RangeError('seed: --end must be an ISO date, e.g. 2026-12-01T00:00:00Z')
    options = {
      site: values.site,
      visitors: whole('visitors', values.visitors, 1, 10_000_000),
      months: whole('months', values.months, 1, 120),
      seed: whole('seed', values.seed, 0, 2 ** 32 - 1),
      end,
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.LINGER_DATA_DIR || '.linger-data',
  })
  try {
    const started = performance.now()
    const r = await seed(db, options)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `seed: ${r.events} events for ${r.visitors} visitors of ${options.site}, ${r.from} to ${r.to}, in ${seconds} s`,
    )
    return 0
  } finally {
    await db.close()
  }
}

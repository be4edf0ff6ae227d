import { type PushDeps, readPush, writePush } from './pushDeps'

const DAYS = [3, 7, 30]

/** "Not now": emit `push.dismissed` and wait 3, then 7, then 30 days before asking again (OneSignal's backoff). */
export async function dismissPush(deps: PushDeps): Promise<number> {
  const n = ((await readPush(deps.kv)).n ?? 0) + 1
  const until = (deps.now ?? Date.now)() + DAYS[Math.min(n, DAYS.length) - 1]! * 864e5
  deps.emit('push.dismissed', { until: new Date(until).toISOString() })
  await writePush(deps.kv, { n, until })
  return until
}

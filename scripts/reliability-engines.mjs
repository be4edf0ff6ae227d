// `node scripts/reliability.mjs --engines`: the short chaos run (e2e/engines/scenarios/chaos.spec.ts)
// in Chromium, Firefox ESR and WebKitGTK one after the other, at `events` per engine, and a
// table of what each delivered. Exits non-zero when any engine lost an event or failed.
import { spawn } from 'node:child_process'

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** Runs the engines' chaos scenario; resolves to the process exit code. */
export function reliabilityEngines({
  events = '1000',
  seed = '1',
  engines = ['chromium', 'firefox', 'webkit'],
}) {
  const started = Date.now()
  const args = ['exec', 'playwright', 'test', '-c', 'e2e/engines/playwright.config.ts', 'chaos.spec.ts']
  for (const e of engines) args.push('--project', e)
  return new Promise((done) => {
    const child = spawn('pnpm', [...args, '--reporter=list', '--workers=1'], {
      env: { ...process.env, LINGER_ENGINES_CHAOS_EVENTS: events, LINGER_CHAOS_SEED: seed },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const take = (chunk) => {
      out += chunk
      process.stdout.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('close', (code) => {
      const runs = out
        .split('\n')
        .map((l) => l.replace(ANSI, '').match(/ENGINE-CHAOS (\{.*\})\s*$/)?.[1])
        .filter(Boolean)
        .map((j) => JSON.parse(j))
      const lines = ['', `== Linger short chaos per engine (seed ${seed}) ==`]
      lines.push('engine                        tracked  delivered  lost  requests  faults')
      for (const r of runs)
        lines.push(
          `${r.version.padEnd(30)}${String(r.tracked).padStart(7)}${String(r.delivered).padStart(11)}${String(r.lost).padStart(6)}${String(r.requests).padStart(10)}  ${JSON.stringify(r.faults)} (${r.rounds.total} visits, ${r.rounds.twoTabs} with two tabs, ${r.rounds.offline} offline, ${r.rounds.closed} closed, ${r.rounds.navigated} navigated away; ${r.seconds} s)`,
        )
      lines.push(`total ${Math.round((Date.now() - started) / 1000)} s`)
      console.log(lines.join('\n'))
      const ok = code === 0 && runs.length === engines.length && runs.every((r) => r.lost === 0)
      done(ok ? 0 : 1)
    })
  })
}

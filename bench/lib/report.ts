import { exitGraceMs } from '../../packages/core/src/sensors/onExitIntent'
import type { Size } from './bytes'
import type { Machine } from './machine'
import type { Summary } from './stats'
import type { TrackCost } from './track'

interface LoadSummary {
  script: Summary
  task: Summary
  longTasks: Summary
  longTaskMs: Summary
  unsettled: number
}

export interface Results {
  machine: Machine & { loadAverageAtStart: number[] }
  seconds: number
  scripts: { id: string; label: string }[]
  bytes: Record<string, { initial: Size; survey?: Size; downloaded: Size; files: string[] }>
  mainThread: Record<'1x' | '4x', Record<string, LoadSummary>>
  reaction: {
    exitFirst: Summary
    exitCached: Summary
    chunkRefetchedOnCachedRun: number
    answerToIndexedDb: Summary
  }
  track: { costs: TrackCost[]; isolated: boolean }
  pipeline: [string, string][]
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const ms = (n: number) => n.toFixed(1)
const spread = (s: Summary, f = ms) => `${f(s.median)} (${f(s.p25)}–${f(s.p75)})`
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const head = (cells: string[]) => [row(cells), row(cells.map(() => '---'))]

/** Scripting time above the no-script baseline (median − baseline median), floored at 0. */
const net = (r: Results, speed: '1x' | '4x', id: string) =>
  Math.max(0, r.mainThread[speed][id]!.script.median - r.mainThread[speed].none!.script.median)

/** The whole report as Markdown: machine, the four sections, and the issue's targets. */
export function render(r: Results): string {
  const m = r.machine
  const label = (id: string) => r.scripts.find((s) => s.id === id)!.label
  const out: string[] = [
    '# Linger beside its peers',
    '',
    `Measured ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Chromium ${m.chromium}; Node ${m.node}. ` +
      `Load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverage.join(' / ')} ` +
      `(1 / 5 / 15 min; a shared machine, so times are noisy). The run took ${r.seconds} s.`,
    '',
    '## 1. Bytes (gzip -9 / brotli -q 11)',
    '',
    '"Initial" and "+ survey" are the documented files from npm; "downloaded on load" is every script and JSON body the page really fetched from the local server before any widget showed (vendor APIs answered by stand-ins).',
    '',
    ...head([
      'script',
      'initial gzip',
      'initial brotli',
      '+ survey gzip',
      '+ survey brotli',
      'downloaded on load, brotli (files)',
    ]),
  ]
  for (const [id, b] of Object.entries(r.bytes))
    out.push(
      row([
        label(id),
        kb(b.initial.gzip),
        kb(b.initial.brotli),
        b.survey ? kb(b.survey.gzip) : 'n/a',
        b.survey ? kb(b.survey.brotli) : 'n/a',
        `${kb(b.downloaded.brotli)} (${b.files.length})`,
      ]),
    )
  out.push('', 'Downloaded on load, by script:', '')
  for (const [id, b] of Object.entries(r.bytes))
    out.push(`- ${label(id)}: ${b.files.map((f) => `\`${f.replace(/[?].*$/, '')}\``).join(', ')}`)
  out.push(
    '',
    '## 2. Main thread: the product page loaded with each script (fresh context per run, runs alternating)',
    '',
    'CDP `Performance.getMetrics` after `load` + 500 ms network idle. Scripting = `ScriptDuration`, task = `TaskDuration`, in ms; median (interquartile range). "Net" = median minus the no-script baseline. Long tasks from `PerformanceObserver`. "Linger ÷ peer" = Linger\'s net scripting over the peer\'s (below 1 = Linger cheaper).',
    '',
  )
  for (const speed of ['1x', '4x'] as const) {
    const runs = r.mainThread[speed].none!.script.n
    out.push(`### ${speed === '1x' ? 'No slowdown' : '4× CPU slowdown'} (${runs} runs per script)`, '')
    out.push(
      ...head([
        'script',
        'scripting',
        'net scripting',
        'task',
        'long tasks (count, total ms)',
        'Linger ÷ peer',
      ]),
    )
    for (const [id, s] of Object.entries(r.mainThread[speed])) {
      const peerNet = net(r, speed, id)
      const ratio =
        id === 'none' || id === 'linger'
          ? ''
          : peerNet > 0
            ? (net(r, speed, 'linger') / peerNet).toFixed(2)
            : '∞'
      out.push(
        row([
          label(id) + (s.unsettled ? ` (${s.unsettled} runs never went idle)` : ''),
          spread(s.script),
          id === 'none' ? '' : ms(net(r, speed, id)),
          spread(s.task),
          `${s.longTasks.median}, ${ms(s.longTaskMs.median)}`,
          ratio,
        ]),
      )
    }
    out.push('')
  }
  const x = r.reaction
  out.push(
    '## 3. Reaction (Linger; ms, median (IQR))',
    '',
    ...head(['from → to', 'ms', 'runs']),
    row([
      'exit gesture (mouseout at the top) → pop-up visible, first show of the page (chunk prefetched at idle, not yet run)',
      spread(x.exitFirst),
      x.exitFirst.n,
    ]),
    row([
      `same, next visit with the chunk in the HTTP cache (re-fetched in ${x.chunkRefetchedOnCachedRun} of ${x.exitCached.n} runs)`,
      spread(x.exitCached),
      x.exitCached.n,
    ]),
    row([
      `the cached figure minus the ${exitGraceMs} ms grace: sensor firing → pop-up visible`,
      ms(x.exitCached.median - exitGraceMs),
      x.exitCached.n,
    ]),
    row([
      'survey answer (click on a score) → `survey.answered` in IndexedDB',
      spread(x.answerToIndexedDb),
      x.answerToIndexedDb.n,
    ]),
    '',
    `Both exit figures include the sensor's deliberate ${exitGraceMs} ms grace (a pointer grazing the top edge and coming back cancels the pop-up; ouibounce PR #55).`,
    '',
    '## 4. Pipeline',
    '',
    ...head(['measure', 'value']),
    ...r.track.costs.map((c) =>
      row([
        `\`linger('track', …)\` on linger.js, 10,000 calls as ${c.tasks} tasks × ${c.perTask}: median / p95 / best task, per call (${r.track.isolated ? '5 µs' : '100 µs'} clock)`,
        `${c.median.toFixed(2)} / ${c.p95.toFixed(2)} / ${c.best.toFixed(2)} µs`,
      ]),
    ),
    '',
    'The `track()` rows time the whole public call on the built script (envelope, targeting, enqueue); bench/pipeline.ts times `enqueue()` alone on a harness.',
    '',
    ...head(['measure', 'value']),
    ...r.pipeline.map(([k, v]) => row([`bench/pipeline.ts: ${k}`, v])),
    '',
    '## Targets',
    '',
    ...head(['target', 'measured', 'met']),
    ...targets(r).map(([t, v, ok]) => row([t, v, ok ? 'yes' : '**no**'])),
    '',
  )
  return out.join('\n')
}

/** The issue's targets, judged on the medians above. */
export function targets(r: Results): [string, string, boolean][] {
  const lingerNet = net(r, '1x', 'linger')
  const posthog = net(r, '1x', 'posthog')
  const segment = net(r, '1x', 'segment')
  const exit = r.reaction.exitCached.median
  const track = r.track.costs.find((c) => c.perTask === 50)!
  const long = r.track.costs.find((c) => c.perTask === 500)!
  const slow = r.mainThread['4x']
  return [
    [
      'page-load scripting ≤ 1/10 of posthog-js with surveys (1×, net)',
      `${ms(lingerNet)} ms vs ${ms(posthog)} ms (${(lingerNet / posthog).toFixed(2)}×)`,
      lingerNet <= posthog / 10,
    ],
    [
      'page-load scripting below Segment (1×, net)',
      `${ms(lingerNet)} ms vs ${ms(segment)} ms`,
      lingerNet < segment,
    ],
    [
      'exit gesture → visible widget < 50 ms, chunk cached',
      `${ms(exit)} ms, of which ${exitGraceMs} ms is the sensor's grace (${ms(exit - exitGraceMs)} ms after it)`,
      exit < 50,
    ],
    // Issue 23's, for a stamped config (the bench's is): bytes, then the page-load scripting.
    [
      'every page before any widget ≤ 12 KiB brotli',
      kb(r.bytes.linger!.initial.brotli),
      r.bytes.linger!.initial.brotli <= 12 * 1024,
    ],
    [
      'a page once a pop-up or survey shows ≤ 21 KiB brotli',
      kb(r.bytes.linger!.survey!.brotli),
      r.bytes.linger!.survey!.brotli <= 21 * 1024,
    ],
    [
      'page-load scripting ≤ 0.04× posthog-js with surveys (1×, net)',
      `${ms(lingerNet)} ms vs ${ms(posthog)} ms (${(lingerNet / posthog).toFixed(3)}×)`,
      lingerNet <= posthog * 0.04,
    ],
    [
      'page-load scripting ≤ 40 ms and no long task of ours (4× slowdown, net)',
      `${ms(net(r, '4x', 'linger'))} ms; long tasks ${slow.linger!.longTasks.median} with Linger, ${slow.none!.longTasks.median} without`,
      net(r, '4x', 'linger') <= 40 && slow.linger!.longTasks.median <= slow.none!.longTasks.median,
    ],
    [
      '`track()` < 10 µs median',
      `${track.median.toFixed(2)} µs (200 × 50); ${long.median.toFixed(2)} µs as 20 × 500`,
      Math.max(track.median, long.median) < 10,
    ],
  ]
}

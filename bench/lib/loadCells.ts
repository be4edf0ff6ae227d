import type { LoadSample } from './mainThread'
import { summarize } from './stats'

const ms = (x: number) => x.toFixed(1)

/**
 * A script's page loads as three table cells: scripting, median (interquartile range); net of
 * `baseline` (the page alone's median; none: the page alone's own row, left empty); long tasks
 * (median count, median ms). `ab.ts` and `floor.ts` print these.
 */
export function loadCells(samples: LoadSample[], baseline?: number): string {
  const script = summarize(samples.map((x) => x.script))
  const long = summarize(samples.map((x) => x.longTasks)).median
  const longMs = summarize(samples.map((x) => x.longTaskMs)).median
  const net = baseline === undefined ? '' : ms(script.median - baseline)
  return `${ms(script.median)} (${ms(script.p25)}–${ms(script.p75)}) | ${net} | ${long}, ${ms(longMs)}`
}

/** The page alone's median scripting, what `loadCells` nets out. */
export const baselineOf = (samples: LoadSample[]) => summarize(samples.map((x) => x.script)).median

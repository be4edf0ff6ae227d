import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

/** What the numbers were measured on: CPU model, cores, memory, load, Node and Chromium. */
export function machine(chromium: string) {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model
  } catch {}
  return {
    cpu: model.trim(),
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  }
}

export type Machine = ReturnType<typeof machine>

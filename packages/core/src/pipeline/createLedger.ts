import type { DropReason, PipelineStats } from './types'

/** The fates counted besides drops. */
export type Fate = 'tracked' | 'stored' | 'sent' | 'acknowledged' | 'stashed' | 'unstashed'

export interface Ledger {
  _stats: Omit<PipelineStats, 'queued'>
  /** `n` events reached `fate`: counted, and told to onDebug (debug mode logs it). */
  _count(fate: Fate, n: number): void
  /** `n` events dropped for `reason`: counted by reason, and told to onDebug under the reason. */
  _drop(reason: DropReason, n: number): void
}

/** Counts every event's fate, for `stats()` and debug mode. */
export function createLedger(onDebug: (code: string, detail?: unknown) => void): Ledger {
  const by: PipelineStats['droppedBy'] = {}
  const stats = {
    tracked: 0,
    stored: 0,
    sent: 0,
    acknowledged: 0,
    dropped: 0,
    droppedBy: by,
    stashed: 0,
    unstashed: 0,
    requests: 0,
  }
  const count = (fate: Fate | 'dropped', n: number, code: string = fate) => {
    if (!n) return
    stats[fate] += n
    onDebug(code, n)
  }
  return {
    _stats: stats,
    _count: count,
    _drop(reason, n) {
      if (n) by[reason] = (by[reason] ?? 0) + n
      count('dropped', n, reason)
    },
  }
}

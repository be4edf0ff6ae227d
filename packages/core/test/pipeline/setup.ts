import { afterEach, beforeEach, vi } from 'vitest'
import { createPipeline } from '../../src/pipeline/createPipeline'
import type { Pipeline, PipelineOptions } from '../../src/pipeline/types'
import { countingKv, fakeFetch, fakeWindow, type Reply } from './helpers'

const live: Pipeline[] = []

/** Fake timers for every test in the file, and no pipeline left running after it. */
export function useFakeTime() {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') })
  })
  afterEach(() => {
    for (const p of live.splice(0)) p.dispose()
    vi.useRealTimers()
  })
}

/** A pipeline over a counting in-memory store and a logging fetch. */
export function make(
  options: Partial<PipelineOptions> = {},
  plan: Reply[] = [],
  fallback?: Parameters<typeof fakeFetch>[1],
) {
  const kv = (options.kv as ReturnType<typeof countingKv>) ?? countingKv()
  const net = fakeFetch(plan, fallback ?? 200)
  const win = (options.window as ReturnType<typeof fakeWindow>) ?? fakeWindow()
  const debug: [string, unknown][] = []
  const pipeline = createPipeline({
    site: 'demo',
    endpoint: 'https://collect.test/v1/batch',
    consent: true,
    fetch: net.fetch,
    random: () => 1,
    onDebug: (code, detail) => debug.push([code, detail]),
    ...options,
    kv,
    window: win,
  })
  live.push(pipeline)
  return { pipeline, kv, net, win, debug }
}

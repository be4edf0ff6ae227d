import { describe, expect, it, vi } from 'vitest'
import { whenIdle } from '../../src/campaigns/whenIdle'

/** A window whose `load` and idle periods the test decides. */
function fakeWindow(readyState: DocumentReadyState, idle = true) {
  const target = new EventTarget()
  const idles: Array<{ job: () => void; timeout?: number }> = []
  const win = {
    document: { readyState },
    addEventListener: target.addEventListener.bind(target),
    requestIdleCallback: idle
      ? (job: () => void, o?: { timeout?: number }) => idles.push({ job, timeout: o?.timeout })
      : undefined,
    setTimeout: (job: () => void) => idles.push({ job }),
  }
  const load = () => {
    win.document.readyState = 'complete'
    target.dispatchEvent(new Event('load'))
  }
  return { win: win as unknown as Window, idles, load }
}

describe('whenIdle', () => {
  it('before load: waits for load, then for an idle period (with a timeout), then runs once', () => {
    const { win, idles, load } = fakeWindow('interactive')
    const job = vi.fn()
    whenIdle(win, job)
    expect(idles).toHaveLength(0)
    load()
    expect(idles).toHaveLength(1)
    expect(idles[0]!.timeout).toBe(3000)
    expect(job).not.toHaveBeenCalled()
    idles[0]!.job()
    load()
    expect(idles).toHaveLength(1)
    expect(job).toHaveBeenCalledTimes(1)
  })

  it('after load: asks for the next idle period at once; without requestIdleCallback, a timer', () => {
    const loaded = fakeWindow('complete')
    whenIdle(loaded.win, () => {})
    expect(loaded.idles).toHaveLength(1)
    const safari = fakeWindow('complete', false)
    const job = vi.fn()
    whenIdle(safari.win, job)
    safari.idles[0]!.job()
    expect(job).toHaveBeenCalledTimes(1)
  })
})

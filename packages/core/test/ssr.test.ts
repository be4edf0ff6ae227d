// @vitest-environment node
import { describe, expect, it } from 'vitest'

// Importing the npm packages on a server (SSR) must not touch window/document: a top-level
// access would throw a ReferenceError here, where neither exists.
describe('SSR-safe imports', () => {
  it('@linger/core and @linger/widgets import in plain Node without side effects', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const core = await import('../src/index')
    const widgets = await import('../../widgets/src/index')
    expect(typeof core.init).toBe('function')
    expect(typeof widgets.mount).toBe('function')
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  })
})

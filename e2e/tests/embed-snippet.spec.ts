import type { Page } from '@playwright/test'
import { expect, test } from '../support/test'

/**
 * On a blank page: the README's stub, `calls` made through it, then linger.js added from `src`
 * with `data-*` attributes, as a tag manager would.
 */
async function loadWithStub(
  page: Page,
  url: string,
  src: string,
  calls: unknown[][],
  data: Record<string, string> = {},
): Promise<void> {
  await page.goto(`${url}/blank.html`)
  await page.evaluate(
    ([src, calls, data]) => {
      const w = window as unknown as { linger: { (...a: unknown[]): void; q?: unknown[] } }
      w.linger ||= (...args: unknown[]) => {
        w.linger.q ||= []
        w.linger.q.push(args)
      }
      for (const call of calls) w.linger(...call)
      const script = document.createElement('script')
      script.src = src
      Object.assign(script.dataset, data)
      document.head.append(script)
    },
    [src, calls, data] as const,
  )
}

test('calls made before the script loads arrive at the endpoint in order', async ({ page, server }) => {
  await page.goto(`${server.url}/embed-snippet.html`)
  await page.evaluate(() =>
    (window as unknown as { linger: (...a: unknown[]) => void }).linger('track', 'third'),
  )
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'third'))
  const types = server.endpoint
    .uniqueEvents()
    .map((e) => e.type)
    .filter((t) => ['first', 'identify', 'second', 'third'].includes(t))
  expect(types).toEqual(['first', 'identify', 'second', 'third'])
  const events = server.endpoint.uniqueEvents()
  expect(events.find((e) => e.type === 'first')?.userId).toBeUndefined()
  expect(events.find((e) => e.type === 'second')?.userId).toBe('user-42')
  expect(events.find((e) => e.type === 'first')?.props).toEqual({ n: 1 })
})

test('included twice, the script initialises once: one widget, one page.viewed', async ({ page, server }) => {
  const chunkRequests: string[] = []
  page.on(
    'request',
    (r) => r.url().includes('linger-widgets.js') && chunkRequests.push(new URL(r.url()).pathname),
  )
  await page.goto(`${server.url}/embed-twice.html`)
  await expect(page.getByRole('heading', { name: 'Hello from a sub-path' })).toBeVisible()
  // The widgets chunk came from beside the script, under its sub-path.
  expect(chunkRequests[0]).toBe('/cdn/v1.2/embed-dist/linger-widgets.js')
  await page.evaluate(() =>
    (window as unknown as { linger: (...a: unknown[]) => void }).linger('track', 'done'),
  )
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'done'))
  const events = server.endpoint.uniqueEvents()
  expect(events.filter((e) => e.type === 'page.viewed')).toHaveLength(1)
  expect(events.filter((e) => e.type === 'campaign.shown')).toHaveLength(1)
  await expect(page.locator('linger-widget')).toHaveCount(1)
})

test('a config that cannot be fetched is reported and events still flow', async ({ page, server }) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await loadWithStub(page, server.url, '/embed-dist/linger.js', [['track', 'still-flows']], {
    config: '/missing-config.json',
    endpoint: '/collect',
  })
  await server.endpoint.waitFor(() => server.endpoint.uniqueEvents().some((e) => e.type === 'still-flows'))
  // The console message reaches the test over CDP, which can be after the endpoint heard the event.
  await expect.poll(() => errors.join('\n')).toContain('linger: config could not be read')
})

test('an eligible campaign waiting for its trigger gets the widgets chunk prefetched at idle, before anything shows', async ({
  page,
  server,
}) => {
  const widgetsRequested = page.waitForRequest((r) =>
    r.url().endsWith('/cdn/v1.2/embed-dist/linger-widgets.js'),
  )
  const config = {
    version: 1,
    site: 'embed-test',
    endpoint: '/collect',
    campaigns: [{ id: 'exit', kind: 'popup', trigger: { type: 'exit-intent' }, content: { title: 'Wait' } }],
  }
  await loadWithStub(page, server.url, '/cdn/v1.2/embed-dist/linger.js', [['init', config]])
  await widgetsRequested
  // Fetched, not shown: no exit has happened.
  await expect(page.locator('linger-widget')).toHaveCount(0)
})

test('web push is its own chunk: fetched from beside the script when its prompt shows or a granted visitor resyncs, never at start', async ({
  page,
  server,
}) => {
  const chunks: string[] = []
  page.on('request', (r) => chunks.push(new URL(r.url()).pathname))
  const site = { version: 1, site: 'embed-test', endpoint: '/collect' }
  const popup = { id: 'exit', kind: 'popup', trigger: { type: 'exit-intent' }, content: { title: 'Wait' } }
  const push = {
    id: 'alerts',
    kind: 'push',
    trigger: { type: 'manual' },
    vapidPublicKey: 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
    serviceWorker: '/linger-sw.js',
    content: { title: 'Restock alerts?', allow: 'Yes', deny: 'Not now' },
  }
  const src = '/cdn/v1.2/embed-dist/linger.js'
  // The widgets prefetch comes at idle, after the campaigns part started (and would have asked for push).
  let prefetched = page.waitForRequest((r) => r.url().endsWith('/linger-widgets.js'))
  await loadWithStub(page, server.url, src, [['init', { ...site, campaigns: [popup] }]])
  await prefetched
  expect(chunks).toContain('/cdn/v1.2/embed-dist/linger-campaigns.js')
  expect(chunks.filter((p) => p.endsWith('/linger-push.js'))).toEqual([])

  // Issue 23: with a push campaign too, a visitor who never granted notifications has nothing to
  // resync, so no push code loads at start — past idle (the prefetch) and a quiet network.
  chunks.length = 0
  prefetched = page.waitForRequest((r) => r.url().endsWith('/linger-widgets.js'))
  await loadWithStub(page, server.url, src, [['init', { ...site, campaigns: [popup, push] }]])
  await prefetched
  await page.waitForLoadState('networkidle')
  expect(chunks.filter((p) => p.endsWith('/linger-push.js'))).toEqual([])
  // Its prompt about to show loads it, from beside the script.
  await page.evaluate(() =>
    (window as unknown as { linger: (...a: unknown[]) => void }).linger('show', 'alerts'),
  )
  await expect.poll(() => chunks).toContain('/cdn/v1.2/embed-dist/linger-push.js')

  // A visitor who granted notifications gets the resync at idle, which loads it without a prompt.
  await page.context().grantPermissions(['notifications'], { origin: server.url })
  chunks.length = 0
  await loadWithStub(page, server.url, src, [['init', { ...site, campaigns: [popup, push] }]])
  await expect.poll(() => chunks).toContain('/cdn/v1.2/embed-dist/linger-push.js')
  await expect(page.locator('linger-widget')).toHaveCount(0)
})

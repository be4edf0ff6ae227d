// Web push in each engine, where none has a reachable push service here: the soft prompt, the
// visitor's yes (the browser's permission granted where the driver can grant it), the real
// service worker and subscribe() — ending in a clean `push.failed` with the browser's reason;
// or, where the engine has no PushManager, no prompt and one `push.unsupported`. Either way the
// page keeps working and later events arrive.
import { createRequire } from 'node:module'
import { lingerPage } from '../support/lingerPage'
import { expect, test, waitIn } from '../support/test'
import { watchPage } from '../support/watchPage'

const webpush = createRequire(import.meta.url)('web-push') as {
  generateVAPIDKeys(): { publicKey: string; privateKey: string }
}
const prompt = { title: 'Get restock alerts?', allow: 'Yes, notify me', deny: 'Not now' }
type W = { linger: (...a: unknown[]) => void; ownClicks: number }

test('web push without a push service degrades cleanly (push.failed or push.unsupported); the page keeps working', async ({
  site,
  engine,
}) => {
  const campaign = {
    id: 'push-optin',
    kind: 'push',
    trigger: { type: 'pageview' },
    vapidPublicKey: webpush.generateVAPIDKeys().publicKey,
    serviceWorker: '/embed-dist/linger-sw.js',
    scope: '/',
    content: prompt,
  }
  site.page(
    '/push.html',
    lingerPage({
      config: { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [campaign] },
      watch: true,
      // The page's own behaviour, to show it keeps working whatever push does.
      body: `<script>
        window.ownClicks = 0
        document.getElementById('own').addEventListener('click', () => window.ownClicks++)
      </script>`,
    }),
  )
  const tab = await site.open('/push.html')
  const types = async () => (await site.stored()).map((e) => e.type)
  // The prompt shows, or the engine has no push and says so.
  const first = await waitIn(tab, () =>
    document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog]')
      ? 'prompt'
      : !('PushManager' in window)
        ? 'no PushManager'
        : '',
  )
  let outcome: string
  if (first === 'prompt') {
    await expect.poll(types).toContain('push.prompted')
    const granted = await engine.grantNotifications(site.url)
    test.info().annotations.push({
      type: 'permission',
      description: granted ? 'granted by the driver' : 'left to the browser',
    })
    // The visitor's yes, with the real pointer (a user activation, which the permission request needs).
    const [x, y] = await waitIn(
      tab,
      (label) => {
        const button = [
          ...(document.querySelector('linger-widget')?.shadowRoot?.querySelectorAll('button') ?? []),
        ].find((b) => b.textContent?.trim() === label)
        const r = button?.getBoundingClientRect()
        return r?.width ? [r.x + r.width / 2, r.y + r.height / 2] : undefined
      },
      prompt.allow,
    )
    await tab.click(x, y)
    await expect
      .poll(async () => (await types()).filter((t) => /^push\.(failed|subscribed|denied)$/.test(t)), {
        timeout: 40_000,
      })
      .not.toEqual([])
    const ended = (await site.stored()).find((e) => /^push\.(failed|subscribed|denied)$/.test(e.type))!
    outcome = `${ended.type} ${JSON.stringify(ended.props)}`
    // No push service is reachable from this machine: subscribing cannot succeed.
    expect(ended.type).toBe('push.failed')
    expect(String(ended.props.reason)).toMatch(/\S/)
    expect(ended.campaign_id).toBe('push-optin')
    await waitIn(tab, () =>
      document
        .querySelector('linger-widget')
        ?.shadowRoot?.querySelector('[role=status]')
        ?.textContent?.includes('Failed'),
    )
  } else {
    await expect.poll(types).toContain('push.unsupported')
    const unsupported = await site.stored('push.unsupported')
    outcome = `push.unsupported ${JSON.stringify(unsupported[0]!.props)}`
    expect(unsupported).toHaveLength(1)
    expect(unsupported[0]!.props).toEqual({ reason: 'unsupported' })
    expect(await types()).not.toContain('push.prompted')
  }
  test.info().annotations.push({ type: 'push', description: `${engine.version}: ${outcome}` })
  console.log(`push in ${engine.version}: ${outcome}`)

  // The page keeps working: its own script, and later calls reach the collector.
  const [bx, by] = await tab.evaluate(() => {
    const r = document.getElementById('own')!.getBoundingClientRect()
    return [r.x + r.width / 2, r.y + r.height / 2]
  })
  await tab.click(bx, by)
  await expect.poll(() => tab.evaluate(() => (window as unknown as W).ownClicks)).toBe(1)
  await tab.evaluate(() => (window as unknown as W).linger('track', 'after-push'))
  await expect.poll(types, { timeout: 30_000 }).toContain('after-push')
  expect((await watchPage.read(tab)).errors).toEqual([])
})

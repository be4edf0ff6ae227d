import { lingerPage } from '../support/lingerPage'
import { expect, test, waitIn } from '../support/test'

type W = { linger: ((...a: unknown[]) => unknown) & { loaded?: 1 } }

test('the stub queue replays in order; identify applies from its place in the queue', async ({ site }) => {
  const config = { version: 1, site: site.id, endpoint: '/v1/batch', campaigns: [] }
  site.page(
    '/q.html',
    lingerPage({
      config,
      before: `linger('track', 'first', { n: 1 }); linger('identify', 'user-42'); linger('track', 'second', { n: 2 })`,
    }),
  )
  const tab = await site.open('/q.html')
  await tab.evaluate(() => (window as unknown as W).linger('track', 'third'))
  await expect.poll(async () => (await site.stored('third')).length).toBe(1)
  const rows = (await site.stored()).filter((e) => ['first', 'second', 'third'].includes(e.type))
  expect(rows.map((e) => e.type)).toEqual(['first', 'second', 'third']) // ids are time-ordered
  expect(rows[0]!.user_id).toBeNull()
  expect(rows[1]!.user_id).toBe('user-42')
  expect(rows[0]!.props).toEqual({ n: 1 })
})

test('included twice, the script initialises once: one page view, one widget', async ({ site }) => {
  const config = {
    version: 1,
    site: site.id,
    endpoint: '/v1/batch',
    campaigns: [
      { id: 'hi', kind: 'popup', trigger: { type: 'pageview' }, content: { title: 'Hello twice' } },
    ],
  }
  site.page('/twice.html', lingerPage({ config, twice: true }))
  const tab = await site.open('/twice.html')
  await waitIn(
    tab,
    () => !!document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog]'),
  )
  await tab.evaluate(() => (window as unknown as W).linger('track', 'done'))
  await expect.poll(async () => (await site.stored('done')).length).toBe(1)
  expect(await site.stored('page.viewed')).toHaveLength(1)
  expect(await site.stored('campaign.shown')).toHaveLength(1)
  expect(await tab.evaluate(() => document.querySelectorAll('linger-widget').length)).toBe(1)
})

for (const via of ['data-config', 'inline', 'init'] as const)
  test(`config from ${via === 'inline' ? 'inline JSON' : via}: its campaign shows and its site is used`, async ({
    site,
  }) => {
    const title = `Config via ${via}`
    const config = {
      version: 1,
      site: site.id,
      endpoint: '/v1/batch',
      campaigns: [{ id: 'c', kind: 'popup', trigger: { type: 'pageview' }, content: { title } }],
    }
    site.page('/config.json', JSON.stringify(config), { 'content-type': 'application/json' })
    site.page('/c.html', lingerPage({ config, via, configUrl: '/config.json' }))
    const tab = await site.open('/c.html')
    const shown = await waitIn(
      tab,
      () =>
        document.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent,
    )
    expect(shown).toBe(title)
    await expect.poll(async () => (await site.stored('campaign.shown')).length).toBe(1)
  })

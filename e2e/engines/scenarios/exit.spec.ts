// Desktop exit intent with the real pointer in each engine. The sensor needs what the browser
// itself fires when the pointer leaves the page through its top edge: `mouseout` with no
// related target at clientY < 20, after upward moves. WebDriver (classic and BiDi) refuses to
// move the pointer outside the viewport ("move target out of bounds"), so there the page is
// framed below a strip standing in for the browser's tab bar, and the real pointer leaves the
// page's own viewport upward into that strip: the browser fires the same native events in the
// page. Where the driver can leave the window (Playwright/CDP), the page is also left unframed.
import { lingerPage } from '../support/lingerPage'
import { expect, type Site, test, waitIn } from '../support/test'
import type { Tab } from '../support/types'
import { watchPage } from '../support/watchPage'

const STRIP = 120

const page = (site: Site) =>
  site.page(
    '/exit.html',
    lingerPage({
      config: {
        version: 1,
        site: site.id,
        endpoint: '/v1/batch',
        campaigns: [
          {
            id: 'exit',
            kind: 'popup',
            layout: 'modal',
            trigger: { type: 'exit-intent', minSeconds: 0 },
            content: { title: 'Before you go' },
          },
        ],
      },
      watch: true,
    }),
  )

/** Where the shop page is: the top-level document, or the frame below the strip. */
type Where = 'top' | 'frame'

/** Waits until the exit sensor listens: debug mode's "waiting for its trigger" line for the campaign. */
const armed = (tab: Tab, where: Where) =>
  waitIn(
    tab,
    (w) => {
      const win = (w === 'top' ? window : document.querySelector('iframe')?.contentWindow) as
        | (Window & { __seen?: { logs: string[] } })
        | null
      return !!win?.__seen?.logs.some((l) => l.includes('[exit] eligible; waiting for its trigger'))
    },
    where,
  )

const shown = (tab: Tab, where: Where) =>
  tab.evaluate((w) => {
    const doc = w === 'top' ? document : document.querySelector('iframe')?.contentDocument
    return (
      doc?.querySelector('linger-widget')?.shadowRoot?.querySelector('[role=dialog] h2')?.textContent ?? ''
    )
  }, where)

const leaves = async (site: Site, tab: Tab, where: Where) => {
  await armed(tab, where)
  expect(await shown(tab, where)).toBe('')
  // Up the page and out through its top edge, in one gesture.
  const top = where === 'top' ? 0 : STRIP
  await tab.pointer([
    [400, top + 420],
    [400, top + 320],
    [400, top + 220],
    [400, top + 120],
    [400, top + 40],
    [400, top - 30],
  ])
  await expect.poll(() => shown(tab, where)).toBe('Before you go')
  await expect
    .poll(async () => (await site.stored('campaign.shown')).map((e) => e.props.trigger))
    .toEqual(['exit-intent'])
}

test('exit intent: the real pointer leaving the page upward (framed below a tab-bar strip) shows the pop-up', async ({
  site,
}) => {
  page(site)
  site.page(
    '/framed.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head>
<body style="margin:0"><div style="height:${STRIP}px;background:#ddd">The browser's tab bar, standing in</div>
<iframe title="The shop" src="/exit.html?linger_debug=1" style="display:block;border:0;width:100%;height:calc(100vh - ${STRIP}px)"></iframe></body></html>`,
  )
  const tab = await site.open('/framed.html', { ready: false })
  await leaves(site, tab, 'frame')
  const frameErrors = await tab.evaluate(() => {
    const win = document.querySelector('iframe')?.contentWindow as
      | (Window & { __seen?: { errors: string[] } })
      | null
    return win?.__seen?.errors ?? ['no watch in the frame']
  })
  expect(frameErrors).toEqual([])
})

test('exit intent: the real pointer leaving the top-level page through the top of the window shows the pop-up', async ({
  site,
  engine,
}) => {
  test.skip(!engine.can.pointerOut, `${engine.version}: ${engine.why.pointerOut}`)
  page(site)
  const tab = await site.open('/exit.html?linger_debug=1')
  await leaves(site, tab, 'top')
  expect((await watchPage.read(tab)).errors).toEqual([])
})

test('exit intent on a phone: a fast swipe back up (real touch, real scrolling) shows the pop-up; reading down does not', async ({
  site,
  engine,
}) => {
  test.skip(!engine.can.touch, `${engine.version}: ${engine.why.touch}`)
  site.page(
    '/phone.html',
    lingerPage({
      config: {
        version: 1,
        site: site.id,
        endpoint: '/v1/batch',
        campaigns: [
          {
            id: 'exit',
            kind: 'popup',
            layout: 'sheet',
            trigger: { type: 'exit-intent', minSeconds: 0 },
            content: { title: 'Before you go' },
          },
        ],
      },
      head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
      body: '<div style="height:4000px">A long product page.</div>',
    }),
  )
  const tab = await site.openPhone('/phone.html')
  expect(await tab.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true)
  // Reading down: three swipes up the screen, the page scrolls down past 1,000 px.
  for (let i = 0; i < 3; i++) await tab.swipe(700, 100, 12)
  await expect.poll(() => tab.evaluate(() => scrollY)).toBeGreaterThan(1000)
  expect(await shown(tab, 'top')).toBe('')
  // A flick toward the address bar: 750 px in 3 moves.
  await tab.swipe(60, 810, 3)
  await expect.poll(() => shown(tab, 'top')).toBe('Before you go')
  await expect.poll(async () => (await site.stored('campaign.shown')).length).toBe(1)
})

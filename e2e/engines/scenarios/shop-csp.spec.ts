// The demo shop under its own strict CSP (script-src 'self' + the stub's hash, style-src
// 'self', Trusted Types required where the engine has them), in each engine: every widget of the
// shop opens, styled, and the browser reports no violation. Violations are read from the
// browser's own `report-uri` reports (the test's front adds the directive to the shop's policy),
// and violations planted at the end show the reports do arrive in that engine.
import { generateKeyPairSync } from 'node:crypto'
import { visitorShownAll } from '../../support/shop'
import { type CspShop, startCspShop } from '../support/cspShop'
import { expect, test, waitIn } from '../support/test'
import type { Tab } from '../support/types'

const CAMPAIGNS = [
  'exit-offer',
  'cart-rescue',
  'newsletter',
  'shipping-bar',
  'nps-main',
  'csat-order',
  'push-optin',
]

/** A VAPID application server key (an uncompressed P-256 public key, base64url). */
function vapidPublicKey(): string {
  const { x, y } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' })
  return Buffer.concat([Buffer.of(4), Buffer.from(x!, 'base64url'), Buffer.from(y!, 'base64url')]).toString(
    'base64url',
  )
}

/**
 * Makes `visitorId` this browser's Linger visitor before any shop page loads (IndexedDB
 * `linger`/`identity`), from a same-origin URL without Linger (the shop's plain-text 404), so the
 * shop's holdouts do not hide a widget from this visitor.
 */
const presetVisitor = async (tab: Tab, shop: CspShop, visitorId: string) => {
  await tab.goto(`${shop.url}/no-such-page`)
  await tab.evaluate(
    (id) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('linger', 1)
        open.onupgradeneeded = () => {
          for (const s of ['state', 'identity', 'cart', 'queue']) open.result.createObjectStore(s)
        }
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('identity', 'readwrite')
          tx.objectStore('identity').put(
            { visitorId: id, visitCount: 0, lastActivityAt: 0, sessionStartedAt: 0, pageviewsInSession: 0 },
            'identity',
          )
          tx.oncomplete = () => {
            open.result.close()
            done()
          }
        }
      }),
    visitorId,
  )
}

test('every widget of the demo shop opens under its strict CSP (+ Trusted Types where the engine has them), 0 violations reported', async ({
  engine,
  db,
}) => {
  test.setTimeout(180_000)
  const shop = await startCspShop(db, vapidPublicKey())
  try {
    const tab = await engine.newTab()
    await presetVisitor(tab, shop, await visitorShownAll('engines-csp', ...CAMPAIGNS))
    for (const id of CAMPAIGNS) {
      await tab.goto(`${shop.url}/products/mug?linger_preview=${id}`)
      // Open, with its styles applied (constructed or linked sheets: no inline style is allowed).
      const styled = await waitIn(tab, () => {
        const root = document.querySelector('linger-widget')?.shadowRoot
        if (!root?.querySelector('button')) return 0
        return root.adoptedStyleSheets.length + root.querySelectorAll('style,link[rel=stylesheet]').length
      })
      expect(styled, id).toBeGreaterThan(0)
    }
    const trustedTypes = await tab.evaluate(() => 'trustedTypes' in window)
    test.info().annotations.push({
      type: 'Trusted Types',
      description: `${engine.version}: ${trustedTypes ? 'enforced' : 'not in this engine'}`,
    })
    // The planted violations: an image from an origin img-src does not allow, and (with Trusted
    // Types) a raw HTML string. Their reports arriving show this engine reports at all.
    const blocked = await tab.evaluate(() => {
      const img = new Image()
      img.src = 'http://127.0.0.1:9/planted.png'
      document.body.append(img)
      try {
        document.createElement('div').innerHTML = '<b>raw</b>'
        return false
      } catch {
        return true
      }
    })
    expect(blocked).toBe(trustedTypes)
    await expect
      .poll(() => shop.reports.length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(trustedTypes ? 2 : 1)
    const directives = shop.reports.map((r) => String(r['effective-directive'] ?? r['violated-directive']))
    // Only what was planted: img-src for the image, require-trusted-types-for for the HTML.
    expect(directives.sort()).toEqual(trustedTypes ? ['img-src', 'require-trusted-types-for'] : ['img-src'])
  } finally {
    await engine.reset()
    await shop.close()
  }
})

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { startShop } from '../../examples/shop/server.mjs'

// Issue 22.6 / 23: the demo serves linger.js as a CDN should — compressed for the browsers that
// take it, and with the CORS header the snippet's crossorigin="anonymous" (SRI) needs.

const dist = resolve(fileURLToPath(import.meta.url), '../../../packages/embed/dist')
let shop: { url: string; close(): Promise<void> }
test.beforeAll(async () => {
  shop = await startShop({ port: 0 })
})
test.afterAll(() => shop.close())

/** The raw response: status, headers and the bytes as sent (not decoded). */
function fetchRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) =>
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', fail),
  )
}

test('linger.js goes out brotli, gzip or plain as the browser asks, the same bytes the SRI hash covers', async () => {
  const original = readFileSync(`${dist}/linger.js`)
  const { integrity } = JSON.parse(readFileSync(`${dist}/manifest.json`, 'utf8'))['linger.js']
  const sri = (b: Buffer) => `sha384-${createHash('sha384').update(b).digest('base64')}`
  const origin = { origin: 'https://another-site.example' }
  const cases = [
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['identity', undefined, (b: Buffer) => b],
  ] as const
  for (const [accept, encoding, decode] of cases) {
    const res = await fetchRaw(`${shop.url}/linger/linger.js`, { 'accept-encoding': accept, ...origin })
    expect(res.headers['content-encoding'], accept).toBe(encoding)
    expect(res.headers.vary).toBe('accept-encoding')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    const body = decode(res.body)
    expect(body.equals(original)).toBe(true)
    expect(sri(body)).toBe(integrity)
    if (encoding) expect(res.body.length).toBeLessThan(original.length / 2)
  }
})

test('the shop loads its compressed scripts under SRI and its strict CSP', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const encodings: string[] = []
  page.on(
    'response',
    (r) => r.url().endsWith('/linger/linger.js') && encodings.push(r.headers()['content-encoding'] ?? ''),
  )
  await page.goto(`${shop.url}/products/mug`)
  await expect
    .poll(() => page.evaluate(() => typeof (window as { linger?: { q?: unknown } }).linger?.q))
    .toBe('undefined')
  expect(encodings).toEqual(['br'])
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([])
})

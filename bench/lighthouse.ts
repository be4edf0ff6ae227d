/**
 * Issue 23, "nothing runs before it is needed": Lighthouse 12 (mobile, simulated 4× CPU) on the
 * demo shop's product page, with Linger and with Linger's scripts blocked, alternating, 5 runs
 * each; prints the medians of JavaScript boot-up time and main-thread work, and writes
 * results/lighthouse.md. Target: boot-up with Linger within 60 ms of without.
 *
 *   pnpm --filter @linger/bench bench:lighthouse   [--runs 5]   (build the embed first)
 *   Chromium: CHROME_PATH, default Debian's /usr/bin/chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startShopStack } from '../e2e/support/shop'
import { root } from './lib/server'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const runs = Number(values.runs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

// The shop as the e2e tests run it: a real collector, a VAPID key, so its config is served stamped.
const stack = await startShopStack()
const shop = { url: stack.shopUrl }
const url = `${shop.url}/products/${process.env.PRODUCT ?? 'mug'}`

type Row = { bootup: number; mainThread: number; ours: number; scripts: string[] }
const samples: Record<'with' | 'without', Row[]> = { with: [], without: [] }
try {
  for (let i = 0; i < runs; i++)
    for (const variant of ['without', 'with'] as const) {
      // A fresh browser per run: nothing (HTTP cache, storage, a service worker) carries over.
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      })
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        // The script tag and every chunk it loads come from /linger/ (the stub is inline and tiny).
        blockedUrlPatterns: variant === 'without' ? ['*/linger/*'] : [],
      }).finally(() => chrome.kill())
      const audits = result!.lhr.audits
      const items = (audits['bootup-time']!.details as unknown as { items: { url: string; total: number }[] })
        .items
      samples[variant].push({
        bootup: audits['bootup-time']!.numericValue!,
        mainThread: audits['mainthread-work-breakdown']!.numericValue!,
        ours: items.filter((it) => it.url.includes('/linger/')).reduce((sum, it) => sum + it.total, 0),
        scripts: items.map((it) => `${it.url.replace(shop.url, '')} ${Math.round(it.total)} ms`),
      })
      console.error(
        `lighthouse: run ${i + 1}/${runs} ${variant}: boot-up ${Math.round(audits['bootup-time']!.numericValue!)} ms`,
      )
    }
} finally {
  await stack.close()
}

const m = (v: 'with' | 'without', k: 'bootup' | 'mainThread' | 'ours') =>
  Math.round(median(samples[v].map((r) => r[k])))
const delta = m('with', 'bootup') - m('without', 'bootup')
const md = [
  `# Lighthouse 12, demo shop product page (mobile, simulated 4× CPU), median of ${runs}`,
  '',
  `Measured ${new Date().toISOString()}; ${url.replace(shop.url, '')}.`,
  '',
  '| | JS boot-up time | main-thread work | attributed to /linger/ |',
  '| --- | --- | --- | --- |',
  `| with Linger | ${m('with', 'bootup')} ms | ${m('with', 'mainThread')} ms | ${m('with', 'ours')} ms |`,
  `| Linger's scripts blocked | ${m('without', 'bootup')} ms | ${m('without', 'mainThread')} ms | — |`,
  `| difference | **${delta} ms** (target ≤ 60 ms: ${delta <= 60 ? 'met' : `missed by ${delta - 60} ms`}) | ${m('with', 'mainThread') - m('without', 'mainThread')} ms | |`,
  '',
  'Boot-up items of the last run with Linger:',
  '',
  ...samples.with.at(-1)!.scripts.map((s) => `- ${s}`),
  '',
].join('\n')
mkdirSync(join(root, 'bench/results'), { recursive: true })
writeFileSync(join(root, 'bench/results/lighthouse.md'), md)
console.log(md)

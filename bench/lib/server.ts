import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { floor } from './floor'
import { linger, none, peers, type Script } from './peers'

export const root = resolve(fileURLToPath(import.meta.url), '../../..')
const pages = join(root, 'bench/pages')
const modules = join(root, 'bench/node_modules')
const embedDist = join(root, 'packages/embed/dist')
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json' }
const typeOf = (file: string) => types[extname(file)] ?? 'text/javascript; charset=utf-8'

/** One response the server sent: for the bytes a page really downloaded. */
export interface Served {
  path: string
  bytes: number
  /** The body itself, only while `keepBodies` is on. */
  body?: Buffer
}

export interface BenchServer {
  origin: string
  /** Every script/JSON response, in order; slice it around a page load. */
  served: Served[]
  keepBodies: boolean
  /** Requests per path, for "was the chunk fetched again?". */
  hits: Map<string, number>
  /** Where `/embed-dist/` is served from: Linger's build, or another build to compare (`ab.ts`). */
  embedDist: string
  close(): Promise<void>
}

const scripts = new Map<string, Script>([none, linger, floor, ...peers].map((s) => [s.id, s]))

// PostHog's remote config and flags answer: surveys on, one survey that targets another page
// (configured, not shown on load, like Linger's manual NPS).
const posthogConfig = { surveys: true, sessionRecording: false, heatmaps: false, siteApps: [] }
const posthogSurveys = {
  surveys: [
    {
      id: 'bench-nps',
      name: 'NPS',
      type: 'popover',
      questions: [
        { type: 'rating', display: 'number', scale: 10, question: 'How likely are you to recommend us?' },
      ],
      conditions: { url: '/checkout' },
      start_date: '2026-01-01T00:00:00Z',
      end_date: null,
      appearance: null,
    },
  ],
}

async function productPage(url: URL, origin: string): Promise<string> {
  const script = scripts.get(url.pathname.slice(3, -5))
  if (!script) throw new Error(`no script ${url.pathname}`)
  let head = script.head(origin)
  // The reaction runs use an endpoint that never answers, so answered events stay in IndexedDB.
  if (url.searchParams.has('hold'))
    head = head.replace('"endpoint": "/collect"', '"endpoint": "/collect-hold"')
  const html = await readFile(join(pages, 'product.html'), 'utf8')
  return html.replace('<!--BENCH-SCRIPT-->', head).replace('<!--BENCH-BODY-->', script.body ?? '')
}

/** Serves the bench pages, the peers' npm files, Linger's build and stand-ins for every vendor API. */
export async function startBenchServer(): Promise<BenchServer> {
  const served: Served[] = []
  const hits = new Map<string, number>()
  const held = new Set<ServerResponse>()
  let origin = ''
  const bench: BenchServer = {
    origin,
    served,
    hits,
    keepBodies: false,
    embedDist,
    close: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy()
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
  const send = (
    res: ServerResponse,
    path: string,
    body: string | Buffer,
    headers: Record<string, string>,
  ) => {
    const buffer = Buffer.from(body)
    served.push({ path, bytes: buffer.length, body: bench.keepBodies ? buffer : undefined })
    res.writeHead(200, headers)
    res.end(body)
  }
  const file = async (res: ServerResponse, path: string, dir: string, rel: string, cache: boolean) => {
    const full = normalize(join(dir, rel))
    if (!full.startsWith(dir)) throw new Error('outside')
    const headers: Record<string, string> = { 'content-type': typeOf(full) }
    // Versioned CDN files are cached for a year; without this, the "cached" reaction is not.
    if (cache) headers['cache-control'] = 'public, max-age=31536000, immutable'
    send(res, path, await readFile(full), headers)
  }
  const json = (res: ServerResponse, path: string, body: unknown) =>
    send(res, path, JSON.stringify(body), { 'content-type': 'application/json' })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    hits.set(path, (hits.get(path) ?? 0) + 1)
    for await (const _ of req); // drain bodies (beacons)
    if (path.startsWith('/p/')) {
      const headers: Record<string, string> = { 'content-type': types['.html']! }
      // Cross-origin isolation: 5 µs performance.now() instead of 100 µs, for track() timing.
      if (url.searchParams.has('isolate'))
        Object.assign(headers, {
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        })
      res.writeHead(200, headers)
      return void res.end(await productPage(url, origin))
    }
    if (path === '/blank.html') return file(res, path, pages, 'blank.html', false)
    if (path.startsWith('/peer/')) return file(res, path, modules, decodeURIComponent(path.slice(6)), true)
    if (path.startsWith('/embed-dist/')) return file(res, path, bench.embedDist, path.slice(12), true)
    if (path === '/collect-hold') return void held.add(res)
    // PostHog: the snippet loads /static/array.js; extensions come from /static/<version>/ too.
    if (path.startsWith('/static/'))
      return file(res, path, join(modules, 'posthog-js/dist'), path.slice(8).replace(/^[\d.]+\//, ''), true)
    if (path === '/array/phc_bench/config.js')
      return send(
        res,
        path,
        `(function(){window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{};window._POSTHOG_REMOTE_CONFIG['phc_bench']={config:${JSON.stringify(posthogConfig)},siteApps:[]}})()`,
        { 'content-type': 'text/javascript' },
      )
    if (path === '/array/phc_bench/config') return json(res, path, posthogConfig)
    if (path.startsWith('/flags') || path.startsWith('/decide'))
      return json(res, path, { ...posthogConfig, featureFlags: {}, featureFlagPayloads: {}, flags: {} })
    if (path.startsWith('/api/surveys')) return json(res, path, posthogSurveys)
    // Segment: project settings from cdnURL, events to the local api host.
    if (path === '/v1/projects/bench/settings')
      return json(res, path, {
        integrations: { 'Segment.io': { apiKey: 'bench', apiHost: `${url.host}/v1`, protocol: 'http' } },
        plan: { track: { __default: { enabled: true } } },
      })
    // RudderStack: the source config.
    if (path.startsWith('/sourceConfig'))
      return json(res, path, {
        isHosted: false,
        source: {
          id: 'bench',
          name: 'bench',
          writeKey: 'bench',
          workspaceId: 'bench',
          enabled: true,
          config: {},
          destinations: [],
        },
      })
    if (req.method === 'POST' || path === '/collect') return json(res, path, {})
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  }

  const server = createServer((req, res) =>
    handle(req, res).catch((error) => {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end(String(error))
    }),
  )
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  bench.origin = origin
  return bench
}

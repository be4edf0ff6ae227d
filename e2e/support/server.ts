import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const pagesDir = join(root, 'e2e/pages')
/** The built script-tag files (`pnpm --filter @linger/embed build`). */
export const embedDist = join(root, 'packages/embed/dist')

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

/** What the endpoint answers to the next batch: a status (with headers), or a network failure. */
export type EndpointReply =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { drop: true }
  | { hang: true }

export interface ReceivedRequest {
  at: number
  contentType: string
  body: string
  reply: EndpointReply
}

/** A local endpoint that logs every batch it receives and fails on command. */
export class Endpoint {
  readonly requests: ReceivedRequest[] = []
  private plan: EndpointReply[] = []
  private fallback: EndpointReply = { status: 200 }
  private waiters: Array<() => void> = []

  /** Answer the next `count` requests with `reply`, then go back to the default. */
  next(reply: EndpointReply, count = 1): void {
    for (let i = 0; i < count; i++) this.plan.push(reply)
  }

  /** Answer every request with `reply` until told otherwise. */
  always(reply: EndpointReply): void {
    this.plan = []
    this.fallback = reply
  }

  /** Events from accepted (2xx) batches, in arrival order, duplicates included. */
  acceptedEvents(): Array<Record<string, unknown> & { id: string; type: string }> {
    return this.requests
      .filter((r) => 'status' in r.reply && r.reply.status < 300)
      .flatMap((r) => JSON.parse(r.body).events)
  }

  /** Accepted events de-duplicated by id, as a collector would store them. */
  uniqueEvents(): Array<Record<string, unknown> & { id: string; type: string }> {
    const seen = new Map<string, Record<string, unknown> & { id: string; type: string }>()
    for (const e of this.acceptedEvents()) if (!seen.has(e.id)) seen.set(e.id, e)
    return [...seen.values()]
  }

  /** Resolves once `predicate` holds, re-checked on every request. */
  async waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`endpoint: condition not met within ${timeoutMs} ms`)
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 250)
        this.waiters.push(() => {
          clearTimeout(timer)
          done()
        })
      })
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const reply = this.plan.shift() ?? this.fallback
    this.requests.push({
      at: Date.now(),
      contentType: req.headers['content-type'] ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
      reply,
    })
    for (const wake of this.waiters.splice(0)) wake()
    if ('drop' in reply) return void req.socket.destroy()
    if ('hang' in reply) return
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(reply.body ?? '{}')
  }
}

const bundles = new Map<string, Promise<string>>()

/** Bundles `packages/<pkg>/src/<path>.ts(x)` for the browser, once per server process. */
function bundle(entry: string): Promise<string> {
  let built = bundles.get(entry)
  if (!built) {
    built = build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      write: false,
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'inline',
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((r) => r.outputFiles[0]!.text)
    bundles.set(entry, built)
  }
  return built
}

export interface FixtureServer {
  url: string
  endpoint: Endpoint
  /** Extra routes for one test: path → handler. */
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): void
  close(): Promise<void>
}

/**
 * Serves e2e/pages/* as static files, `…/embed-dist/<file>` from the embed's build, `/build/<pkg>/<path>.js` as bundles of the package
 * sources, and `/collect` as a logging endpoint that fails on command.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const endpoint = new Endpoint()
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>()
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    try {
      const custom = routes.get(url.pathname)
      if (custom) return await custom(req, res)
      if (url.pathname === '/collect') return await endpoint.handle(req, res)
      // The built script-tag files, at any sub-path ending in /embed-dist/<file> (CDN-like paths).
      const dist = url.pathname.match(/\/embed-dist\/([\w.-]+)$/)
      if (dist) {
        const body = await readFile(join(embedDist, dist[1]!))
        res.writeHead(200, {
          'content-type': types[extname(dist[1]!)] ?? 'text/plain',
          'service-worker-allowed': '/',
        })
        return void res.end(body)
      }
      // Built example apps: /examples/<name>/<file> from examples/<name>/dist.
      const example = url.pathname.match(/^\/examples\/([\w-]+)\/(.*)$/)
      if (example) {
        const dir = join(root, 'examples', example[1]!, 'dist')
        const file = normalize(join(dir, example[2] || 'index.html'))
        if (!file.startsWith(dir)) throw new Error('outside example')
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        return void res.end(await readFile(file))
      }
      if (url.pathname.startsWith('/build/')) {
        const [pkg, ...rest] = url.pathname.slice('/build/'.length).replace(/\.js$/, '').split('/')
        const base = join(root, 'packages', pkg!, 'src', ...rest)
        const entry = await firstExisting([`${base}.ts`, `${base}.tsx`])
        res.writeHead(200, { 'content-type': types['.js']!, 'cache-control': 'no-store' })
        return void res.end(await bundle(entry))
      }
      const file = normalize(join(pagesDir, url.pathname === '/' ? 'index.html' : url.pathname))
      if (!file.startsWith(pagesDir)) throw new Error('outside pages')
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch (error) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end(String(error))
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

async function firstExisting(paths: string[]): Promise<string> {
  for (const path of paths) {
    try {
      await readFile(path)
      return path
    } catch {}
  }
  throw new Error(`no such entry: ${paths.join(' or ')}`)
}

// The demo shop's web server: the shop's pages, linger.js and its chunks from the embed's
// dist/, the service worker at the site root, and a strict Content-Security-Policy with
// Trusted Types enforced (the stub snippet is allowed by its hash, nothing else inline). Text is
// sent brotli- or gzip-compressed and the scripts with CORS, as a CDN would serve them.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stampConfig } from '@linger/core'
import { compress } from './compress.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const publicDir = join(here, 'public')
const embedDist = join(here, '../../packages/embed/dist')
const playgroundDist = join(here, '../playground/dist')
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
}

/** Routes of the shop; every page is the same shell, rendered by shop.js from the path. */
const pageRoutes = [/^\/$/, /^\/products\/[\w-]+$/, /^\/cart$/, /^\/checkout$/, /^\/order\/[\w-]+$/]

export async function startShop({
  port = 8080,
  host = '127.0.0.1',
  collectorUrl = 'http://127.0.0.1:8787',
  vapidPublicKey = '',
} = {}) {
  const endpoint = `${collectorUrl}/v1/batch`
  const manifest = JSON.parse(await readFile(join(embedDist, 'manifest.json'), 'utf8'))
  const shell = (await readFile(join(publicDir, 'shell.html'), 'utf8'))
    .replace('%INTEGRITY%', manifest['linger.js'].integrity)
    .replace('%ENDPOINT%', endpoint)
  const stub = shell.match(/<script>(window\.linger=[^<]*)<\/script>/)[1]
  const stubHash = createHash('sha256').update(stub).digest('base64')
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'sha256-${stubHash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${collectorUrl}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types linger',
  ].join('; ')

  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://shop').pathname
    const send = (body, headers) => {
      const packed = compress(body, headers['content-type'], req.headers['accept-encoding'])
      res.writeHead(200, { ...headers, ...packed.headers })
      res.end(packed.body)
    }
    try {
      if (pageRoutes.some((r) => r.test(path))) {
        return send(Buffer.from(shell), { 'content-type': types['.html'], 'content-security-policy': csp })
      }
      let file
      if (path.startsWith('/linger/')) file = join(embedDist, path.slice('/linger/'.length))
      else if (path === '/linger-sw.js') file = join(embedDist, 'linger-sw.js')
      else if (path === '/playground' || path === '/playground/') file = join(playgroundDist, 'index.html')
      else if (path.startsWith('/playground/')) file = join(playgroundDist, path.slice('/playground/'.length))
      else if (path === '/schema.json') file = join(here, '../../packages/core/schema.json')
      else file = join(publicDir, path)
      file = normalize(file)
      const allowed = [publicDir, embedDist, playgroundDist]
      if (!allowed.some((dir) => file.startsWith(dir)) && !file.endsWith('schema.json'))
        throw new Error('outside')
      let body = await readFile(file)
      if (path === '/linger.json') {
        const config = JSON.parse(
          body.toString('utf8').replace('%ENDPOINT%', endpoint).replace('%VAPID_PUBLIC_KEY%', vapidPublicKey),
        )
        // Deployed as `linger validate --write` would leave it once the endpoint and key are in:
        // stamped, so pages skip the validator chunk (a config with a problem goes out as it is).
        body = JSON.stringify(stampConfig(config).config ?? config)
      }
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      }
      // The service worker may be served from /linger/ and still control the whole site.
      if (path.endsWith('linger-sw.js')) headers['service-worker-allowed'] = '/'
      // As a CDN must for the snippet's crossorigin="anonymous" (SRI): any site may read them.
      if (path.startsWith('/linger/')) headers['access-control-allow-origin'] = '*'
      send(typeof body === 'string' ? Buffer.from(body) : body, headers)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('Not found')
    }
  })
  await new Promise((done) => server.listen(port, host, done))
  const actualPort = server.address().port
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(done)
      }),
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shop = await startShop({
    port: Number(process.env.PORT ?? 8080),
    collectorUrl: process.env.LINGER_COLLECTOR_URL,
    vapidPublicKey: process.env.LINGER_VAPID_PUBLIC_KEY,
  })
  console.log(`demo shop on ${shop.url}`)
}

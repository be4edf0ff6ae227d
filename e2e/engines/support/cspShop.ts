import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, type Db } from '../../../packages/collector/src/index'

type StartShop = (o: {
  port: number
  host: string
  collectorUrl: string
  vapidPublicKey: string
}) => Promise<{ url: string; close(): Promise<void> }>

export interface CspShop {
  /** The shop, as visitors reach it (through the reporting front). */
  url: string
  /** CSP violation reports the browser sent (`report-uri`), as received. */
  reports: Array<Record<string, unknown>>
  close(): Promise<void>
}

const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
  const server = createServer(handler)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
const body = async (req: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
const stop = (s: Server) =>
  new Promise<void>((done) => {
    s.closeAllConnections()
    s.close(() => done())
  })

/**
 * The demo shop (examples/shop/server.mjs, its own strict CSP with Trusted Types) and the real
 * collector (CORS for the shop only), with a front that passes every response through as it is
 * but adds `report-uri` to the shop's CSP. Violations then come back as reports in every
 * engine, with no init script or console access (WebDriver classic has neither).
 */
export async function startCspShop(db: Db, vapidPublicKey: string): Promise<CspShop> {
  const reports: Array<Record<string, unknown>> = []
  let app: ReturnType<typeof createApp> | undefined
  const collector = await listen(async (req, res) => {
    if (!app) return void res.writeHead(503).end()
    const answer = await app.fetch(
      new Request(`http://collector${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : await body(req),
      }),
    )
    res
      .writeHead(answer.status, Object.fromEntries(answer.headers))
      .end(Buffer.from(await answer.arrayBuffer()))
  })
  const shopModule = new URL('../../../examples/shop/server.mjs', import.meta.url).href
  const { startShop } = (await import(shopModule)) as { startShop: StartShop }
  const shop = await startShop({ port: 0, host: '127.0.0.1', collectorUrl: collector.url, vapidPublicKey })
  const proxy = await listen(async (req, res) => {
    if (req.url === '/__csp-report') {
      const json = JSON.parse((await body(req)).toString('utf8') || '{}')
      reports.push(json['csp-report'] ?? json)
      return void res.writeHead(204).end()
    }
    const answer = await fetch(shop.url + req.url, { headers: { accept: req.headers.accept ?? '*/*' } })
    const headers = Object.fromEntries(answer.headers)
    delete headers['content-encoding']
    delete headers['content-length']
    if (headers['content-security-policy']) headers['content-security-policy'] += '; report-uri /__csp-report'
    res.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()))
  })
  // Created once the shop's origin (the front's) is known, for CORS.
  app = createApp({ db, origins: [proxy.url], rateLimit: false })
  return {
    url: proxy.url,
    reports,
    async close() {
      await stop(proxy.server)
      await shop.close()
      await stop(collector.server)
    },
  }
}

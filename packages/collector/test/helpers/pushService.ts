import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'

const require = createRequire(import.meta.url)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })

/**
 * A mock push service (web-push-testing) running in this process. It decrypts what it receives,
 * so tests read back the plaintext; it sends no CORS headers, so only Node talks to it.
 */
export async function startPushService() {
  const Server = require('web-push-testing/src/server.js')
  const { PushApiModel } = require('web-push-testing/src/PushApiModel.js')
  const port = await freePort()
  const service = new Server(new PushApiModel(), port)
  service.startServer() // logs "Server running on port …" through Node's own console
  const http: Server = service._server
  if (!http.listening) await new Promise((done) => http.once('listening', done))
  const base = `http://localhost:${port}`
  const call = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return {
      status: res.status,
      body: res.headers.get('content-type')?.includes('json') ? await res.json() : undefined,
    }
  }
  return {
    /** Its origin: the collector accepts it only when listed in `pushTestOrigins` (it is http and loopback). */
    origin: base,
    /** A PushSubscriptionJSON (+ clientHash) for the given VAPID public key. */
    async subscribe(applicationServerKey: string) {
      const { body } = await call('/subscribe', { applicationServerKey })
      return body.data as { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }
    },
    /** Decrypted payloads received for a subscription. */
    async messages(clientHash: string): Promise<string[]> {
      return (await call('/get-notifications', { clientHash })).body.data.messages
    },
    /** From now on, pushes to this subscription get 410 Gone. */
    async expire(clientHash: string) {
      await call(`/expire-subscription/${clientHash}`)
    },
    stop: () => new Promise<void>((done) => (service._server as Server).close(() => done())),
  }
}

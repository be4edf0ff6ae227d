import type { IncomingMessage, ServerResponse } from 'node:http'
import type { createApp } from '../../../packages/collector/src/index'

/** What the gate does with the next batch instead of forwarding it. */
export type GateFault = { status: number; headers?: Record<string, string> } | { drop: true }

/**
 * `POST /v1/batch` on the fixture server, in front of the real collector: forwards each batch
 * to the collector app, except the ones told to fail (a status, or a dropped connection), and
 * refuses every connection while `refusing` (offline, emulated at the server where the
 * engine's driver has no offline mode).
 */
export function collectorGate(app: ReturnType<typeof createApp>) {
  const plan: GateFault[] = []
  /** Every batch that reached the gate: its event ids, and the ids the collector already had (its answer). */
  const log: Array<{ at: number; outcome: string; events: number; ids: string[]; duplicates?: number }> = []
  const gate = {
    refusing: false,
    /** Decides a fault for each batch not already planned (chaos); undefined = forward. */
    chaos: undefined as (() => GateFault | undefined) | undefined,
    log,
    /** Fail the next `count` batches with `fault`. */
    fail(fault: GateFault, count = 1) {
      for (let i = 0; i < count; i++) plan.push(fault)
    },
    async handle(req: IncomingMessage, res: ServerResponse) {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = Buffer.concat(chunks)
      let ids: string[] = []
      try {
        ids = ((JSON.parse(body.toString('utf8')) as { events?: { id: string }[] }).events ?? []).map(
          (e) => e.id,
        )
      } catch {}
      const fault = gate.refusing ? ({ drop: true } as const) : (plan.shift() ?? gate.chaos?.())
      const entry: (typeof log)[number] = {
        at: Date.now(),
        outcome: fault ? ('drop' in fault ? 'drop' : String(fault.status)) : 'forwarded',
        events: ids.length,
        ids,
      }
      log.push(entry)
      if (fault && 'drop' in fault) return void req.socket.destroy()
      if (fault) return void res.writeHead(fault.status, fault.headers).end()
      const answer = await app.request('/v1/batch', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body,
      })
      const text = await answer.text()
      try {
        entry.duplicates = (JSON.parse(text) as { duplicates?: number }).duplicates
      } catch {}
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text)
    },
  }
  return gate
}

import { vi } from 'vitest'
import { startCampaigns } from '../../src/campaigns/startCampaigns'
import type { WidgetHost } from '../../src/campaigns/widgets'
import { reportIssues } from '../../src/config/reportIssues'
import { validateConfig } from '../../src/config/validateConfig'
import { pageConfig } from '../../src/page/pageConfig'
import { startPage } from '../../src/page/startPage'
import type { Pipeline, PipelineOptions } from '../../src/pipeline/types'
import type { PushPort } from '../../src/push/types'
import type { InitOptions, Linger } from '../../src/runtime/types'
import type { KvStore } from '../../src/storage/KvStore'
import { memoryKv } from '../../src/storage/memoryKv'
import type { Campaign, LingerEvent } from '../../src/types'

/** A device: kv stores that outlive one start (a reload), and a log of which were opened. */
export function fakeDevice() {
  const stores = new Map<string, KvStore>()
  const opened: string[] = []
  return {
    stores,
    opened,
    openKv(db: string, store: string) {
      opened.push(`${db}/${store}`)
      const key = `${db}/${store}`
      if (!stores.has(key)) stores.set(key, memoryKv())
      return stores.get(key)!
    },
  }
}

/** A pipeline that records what it is given. */
export function fakePipeline() {
  const events: LingerEvent[] = []
  const calls: string[] = []
  let options: PipelineOptions | undefined
  const pipeline: Pipeline = {
    enqueue: (e) => void events.push(e),
    flush: async () => void calls.push('flush'),
    setConsent: (g) => void calls.push(`consent ${g}`),
    forget: async () => {
      calls.push('forget')
      events.length = 0
    },
    dispose: () => void calls.push('dispose'),
    stats: () => ({
      queued: events.length,
      tracked: events.length,
      stored: 0,
      sent: 0,
      acknowledged: 0,
      dropped: 0,
      droppedBy: {},
      stashed: 0,
      unstashed: 0,
      requests: 0,
    }),
  }
  return {
    events,
    calls,
    get options() {
      return options!
    },
    create(o: PipelineOptions) {
      options = o
      return pipeline
    },
    types: () => events.map((e) => e.type),
  }
}

/** A widgets chunk whose `mount` renders `<div data-campaign>` and exposes the host. */
export function fakeWidgets() {
  const mounted: Array<{ campaign: Campaign; host: WidgetHost; variant?: string; gone: boolean }> = []
  const mount = vi.fn((campaign: Campaign, host: WidgetHost, o?: { variant?: string }) => {
    // Like the real widgets, closing removes the widget.
    const entry = { campaign, host, variant: o?.variant, gone: false }
    const gone = () => {
      entry.gone = true
    }
    entry.host = {
      ...host,
      close(reason) {
        host.close(reason)
        gone()
      },
    }
    mounted.push(entry)
    return { unmount: gone, connected: () => !entry.gone }
  })
  return { mounted, mount, load: vi.fn(async () => ({ mount })), live: () => mounted.filter((m) => !m.gone) }
}

/**
 * Start Linger on the happy-dom window as `init` does, with fakes and without init's default
 * loaders; returns everything a test inspects.
 */
export function boot(
  config: unknown,
  o: {
    device?: ReturnType<typeof fakeDevice>
    options?: InitOptions
    pushPort?: PushPort
  } = {},
) {
  const device = o.device ?? fakeDevice()
  const pipe = fakePipeline()
  const widgets = fakeWidgets()
  const linger = startPage({
    config: pageConfig(config),
    options: {
      loadWidgets: widgets.load,
      loadPush: () => import('../../src/push/pushFlow').then((m) => m.pushFlow),
      ...o.options,
    },
    campaigns: (page) =>
      startCampaigns(config, page, { validate: validateConfig, report: reportIssues, pushPort: o.pushPort }),
    eager: true,
    createPipeline: pipe.create,
    openKv: device.openKv,
  })
  return { linger, device, pipe, widgets }
}

export const popup = (id: string, over: Record<string, unknown> = {}) =>
  ({ id, kind: 'popup', trigger: { type: 'pageview' }, content: { title: id }, ...over }) as Campaign

export const config = (campaigns: Campaign[], over: Record<string, unknown> = {}) => ({
  version: 1,
  site: 'test-site',
  endpoint: 'https://collect.test/v1/batch',
  campaigns,
  ...over,
})

/** Collects started instances so each test can dispose them afterwards. */
export function tracker() {
  let running: Linger[] = []
  return {
    track<T extends { linger: Linger }>(b: T): T {
      running.push(b.linger)
      return b
    },
    stopAll() {
      for (const l of running) l.dispose()
      running = []
    },
  }
}

import { createCart } from '../cart/createCart'
import { validateConfig } from '../config/validateConfig'
import type { Identity } from '../identity/Identity'
import { newEventId } from '../identity/newEventId'
import { touchSession } from '../identity/touchSession'
import type { BatchEncoder, Pipeline, PipelineOptions } from '../pipeline/types'
import { browserPort } from '../push/browserPort'
import { resyncPush } from '../push/resyncPush'
import type { PushPort } from '../push/types'
import { unsubscribePush } from '../push/unsubscribePush'
import { deviceClass } from '../sensors/deviceClass'
import type { KvStore } from '../storage/KvStore'
import { type Caps, loadCaps } from '../targeting/caps'
import { decide } from '../targeting/decide'
import type { Decision } from '../targeting/types'
import type { Campaign, LingerEvent, PushCampaign } from '../types'
import { armTrigger } from './armTrigger'
import { cartReturnDue } from './cartReturnDue'
import type { Core, EventMeta } from './core'
import { createShow } from './createShow'
import { deleteDatabase } from './deleteDatabase'
import { type Landing, loadLanding } from './landing'
import { memoryKv } from './memoryKv'
import { reportIssues } from './reportIssues'
import { switchKv } from './switchKv'
import type { DebugModule, InitOptions, Linger } from './types'
import { watchPage } from './watchPage'

/** The parts `start` builds on; tests pass fakes. */
export interface StartDeps {
  createPipeline(o: PipelineOptions): Pipeline
  openKv(db: string, store: string): KvStore
  pushPort?: PushPort
}

const DB = 'linger'
const STORES = ['state', 'identity', 'cart', 'queue'] as const

/**
 * `init` without default loaders, for builds that must not bundle the debug or Shopify
 * modules (the script tag passes its own loaders). Touches the window only when called.
 */
export function start(input: unknown, options: InitOptions, deps: StartDeps): Linger {
  const win = options.window ?? window
  const { config, issues } = input == null ? { config: undefined, issues: [] } : validateConfig(input)
  reportIssues(issues, options.onIssue)
  const campaigns = config?.campaigns ?? []
  const site = config?.site ?? ''
  const push = campaigns.find((c): c is PushCampaign => c.kind === 'push')
  let granted = (options.consent ?? config?.consent) !== 'required'
  // Nothing touches IndexedDB before consent: memory stores until then, swapped (with their data) after.
  const kvs = Object.fromEntries(
    STORES.map((s) => [s, switchKv(granted ? deps.openKv(DB, s) : memoryKv())]),
  ) as Record<(typeof STORES)[number], ReturnType<typeof switchKv>>
  const params = new URLSearchParams(win.location.search)
  let debugOn = !!options.debug || ['', '1', 'true'].includes(params.get('linger_debug') as string)
  let debugMod: Promise<DebugModule | undefined> | undefined
  const debug = () =>
    (debugMod ??= options.loadDebug?.().catch(() => undefined) ?? Promise.resolve(undefined))
  const endpoint = options.endpoint ?? config?.endpoint
  const onDebug = (code: string, detail?: unknown) =>
    debugOn && void debug().then((m) => m?.logPipeline(code, detail))
  // A third-party format's encoder is its own chunk. Until it loads, batches have nowhere to
  // go (empty url) and wait in the queue; formats/deferEncoder does the same, but importing it
  // would bundle every format into the script tag.
  const format = config?.format ?? 'linger'
  let encoder: BatchEncoder | undefined
  const pipeline = deps.createPipeline({
    site,
    endpoint,
    consent: granted,
    kv: kvs.queue,
    window: win,
    ...(options.fetch && { fetch: options.fetch }),
    ...(format !== 'linger' && { encode: (es, ctx) => encoder?.(es, ctx) ?? { url: '', body: '' } }),
    onDebug,
  })
  if (format !== 'linger')
    options.loadFormat?.(format).then(
      (factory) => {
        encoder = factory({ endpoint, writeKey: config?.writeKey, onDebug })
        void pipeline.flush()
      },
      () => onDebug('format', format),
    )
  const listeners = new Map<string, Set<(e: LingerEvent) => void>>()
  const trackers = new Set<(name: string) => void>()
  const stops: Array<() => void> = []
  let triggers: Array<() => void> = []
  let pending: Array<() => void> | undefined = []
  let identity: Identity
  // Each event carries the user in effect when it was made: the last `identify()` on this page,
  // else the one stored by earlier pages (known only once storage is read).
  let userId: string | undefined
  let identified = false
  let storedUser: string | undefined
  let landing: Landing
  let port: PushPort | undefined
  const device = deviceClass(win)

  const emit = (type: string, props: Record<string, unknown> = {}, meta: EventMeta = {}) => {
    const base = { id: newEventId(), type, ts: new Date().toISOString(), site, url: win.location.href }
    const [mine, uid] = [identified, userId]
    const send = () => {
      const u = mine ? uid : storedUser
      const e: LingerEvent = {
        ...base,
        visitorId: identity.visitorId,
        sessionId: identity.sessionId,
        ...(u && { userId: u }),
        ...(meta.campaignId && { campaignId: meta.campaignId }),
        ...(meta.variant && { variant: meta.variant }),
        props,
      }
      pipeline.enqueue(e)
      for (const key of [type, '*'])
        for (const fn of listeners.get(key) ?? [])
          try {
            fn(e)
          } catch {}
    }
    pending ? pending.push(send) : send()
  }

  const core: Core = {
    win,
    config,
    campaigns,
    options,
    caps: undefined as unknown as Caps,
    cart: createCart({
      store: kvs.cart,
      emit,
      ...(config?.cart?.attributionDays && { attributionDays: config.cart.attributionDays }),
    }),
    visitorId: '',
    interacted: false,
    locale: config?.locale ?? win.navigator.language ?? 'en',
    emit,
    context: () => ({
      url: win.location.href,
      referrer: win.document.referrer,
      landingUrl: landing.url,
      utm: landing.utm,
      device,
      visitor: { isNew: identity.isNewVisitor, visitCount: identity.visitCount },
      locale: win.navigator.language || 'en',
      now: Date.now(),
      cart: core.cart.get(),
      visitorId: identity.visitorId,
    }),
    push: (meta) => {
      port ??= deps.pushPort ?? browserPort(win)
      return { port, kv: kvs.state, emit: (type, props) => emit(type, props, meta) }
    },
    report: (campaign, decision, stage) => {
      if (debugOn) void debug().then((m) => m?.logDecision(campaign, decision, stage))
    },
  }
  const shows = createShow(core)

  /** Load (or, after forget, recreate) identity, session landing and caps. */
  const load = async () => {
    identity = await touchSession(kvs.identity, Date.now(), true)
    core.visitorId = identity.visitorId
    storedUser = await kvs.identity.get<string>('user')
    landing = await loadLanding(kvs.state, identity.sessionId, win)
    core.caps = await loadCaps(
      kvs.state,
      identity.sessionId,
      campaigns.map((c) => c.id),
    )
    core.caps.pageview()
  }

  const arm = () => {
    for (const stop of triggers) stop()
    const pageStart = win.performance.now()
    triggers = campaigns.map((c) =>
      armTrigger(c, {
        win,
        device,
        pageStart,
        sessionStart: identity.sessionStartedAt,
        pageviews: identity.pageviewsInSession,
        onTrack: (fn) => {
          trackers.add(fn)
          return () => void trackers.delete(fn)
        },
        fire: (source) => void shows.consider(c, source),
      }),
    )
  }

  emit('page.viewed', { title: win.document.title, referrer: win.document.referrer })

  const ready = (async () => {
    await load()
    await core.cart.ready
    for (const send of pending ?? []) send()
    pending = undefined
  })()

  /** Where each campaign stands; debug logs it, and the first eligible one prefetches the widgets. */
  let prefetch = options.prefetchWidgets
  const review = (stage: string) => {
    if (!debugOn && !prefetch) return
    const now = campaigns.map((c): [Campaign, Decision] => [
      c,
      decide(c, core.context(), core.caps, config?.limits),
    ])
    if (debugOn) for (const [c, d] of now) core.report(c, d, stage)
    if (prefetch && now.some(([c, d]) => d.show && c.trigger.type !== 'manual')) {
      prefetch()
      prefetch = undefined
    }
  }

  let dead = false
  void ready.then(async () => {
    if (dead) return
    stops.push(
      ...watchPage(core, shows.retryGuarded, async () => {
        identity = await touchSession(kvs.identity, Date.now(), true)
        core.caps.pageview()
        emit('page.viewed', { title: win.document.title })
        arm()
        review('route')
      }),
    )
    const preview = params.get('linger_preview')
    if (preview) await shows.showById(preview, true)
    arm()
    review('init')
    const changed = core.cart.lastChangedAt()
    const full = !!core.cart.get()?.items.length
    for (const c of campaigns)
      if (cartReturnDue(c.trigger, changed, identity.sessionStartedAt, Date.now(), full))
        void shows.consider(c, 'return')
    if (push) void resyncPush(push, core.push({ campaignId: push.id }))
  })

  const linger: Linger = {
    ready,
    track(name, props) {
      emit(name, props)
      // After ready: `event` triggers are armed then, and a queued track() must reach them too.
      void ready.then(() => {
        for (const fn of trackers) fn(name)
      })
    },
    identify(id, traits) {
      userId = id
      identified = true
      // After the stored user is read, so events made before this call keep theirs.
      void ready.then(() => kvs.identity.set('user', id))
      emit('identify', { traits: traits ?? {} })
    },
    cart: (cart) => core.cart.set(cart),
    purchase: (order) => core.cart.purchase(order),
    consent(yes) {
      if (yes === granted) return
      granted = yes
      if (!yes) pipeline.setConsent(false)
      const moved = STORES.map((s) => kvs[s].use(yes ? deps.openKv(DB, s) : memoryKv(), true))
      // The queue starts writing once consent is set: only after its store has moved.
      if (yes) void Promise.all(moved).then(() => granted && pipeline.setConsent(true))
    },
    show: (id) => void ready.then(() => shows.showById(id)),
    hide: () => shows.hide(),
    on(type, fn) {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set.add(fn))
      return () => void set.delete(fn)
    },
    async forget() {
      await ready
      await pipeline.forget()
      await core.cart.forget()
      if (push) await unsubscribePush(push, core.push({}).port)
      // Clear each store, then drop the database (a clear still holds if another tab blocks the delete).
      for (const s of STORES) {
        await kvs[s].clear()
        await kvs[s].use(memoryKv())
      }
      await deleteDatabase(win, DB)
      identified = false
      userId = undefined
      await load()
    },
    debug(yes = true) {
      debugOn = yes
      if (yes) void ready.then(() => review('status'))
    },
    dispose() {
      dead = true
      for (const stop of [...stops, ...triggers]) stop()
      shows.hide()
      pipeline.dispose()
    },
  }
  return linger
}

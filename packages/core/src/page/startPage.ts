import type { CampaignsPart } from '../campaigns/CampaignsPart'
import type { Identity } from '../identity/Identity'
import { newEventId } from '../identity/newEventId'
import { nextIdentity } from '../identity/nextIdentity'
import { createPipeline } from '../pipeline/createPipeline'
import { ownStash } from '../pipeline/ownStash'
import type { BatchEncoder, Pipeline, PipelineOptions } from '../pipeline/types'
import { CALLS, liveStashes, STASHED_CALLS, takeStash } from '../pipeline/unloadStash'
import type { DebugModule, InitOptions, Linger } from '../runtime/types'
import type { KvOptions, KvStore } from '../storage/KvStore'
import { memoryKv } from '../storage/memoryKv'
import { openKv } from '../storage/openKv'
import type { LingerEvent } from '../types'
import { DB_NAME as DB, IDENTITY_KEY, STORE_NAMES as STORES, USER_KEY } from '../wire/storageLayout'
import { deleteDatabase } from './deleteDatabase'
import type { EventMeta, Page } from './Page'
import type { PageConfig } from './pageConfig'
import { switchKv } from './switchKv'

/** What `startPage` starts from; the last two are the parts tests replace with fakes. */
export interface StartPageOptions {
  /** The config's page fields (`pageConfig`); none: a site-less page that still records events. */
  config: PageConfig | undefined
  options: InitOptions
  /** Starts the campaigns part on the running page: at once in `init`, from a chunk in the script tag. */
  campaigns: (page: Page) => CampaignsPart | Promise<CampaignsPart>
  /** Start the campaigns part right after the page view, not on the first command that needs it. */
  eager: boolean
  createPipeline?: (o: PipelineOptions) => Pipeline
  openKv?: (db: string, store: string, options?: KvOptions) => KvStore
}

/** An event made before the visitor was known (no visitorId, sessionId), and whether its user is this page's `identify()`. */
type Early = [event: Omit<LingerEvent, 'visitorId' | 'sessionId'>, mine: boolean]

/**
 * Starts Linger, the one assembly `init` and the script tag share. Starts the page part (what
 * every page loads): identity, consent, the event pipeline, `page.viewed` and the commands.
 * Campaigns, triggers, the cart and push come from `campaigns` (`startCampaigns`), started
 * right after the page view (`eager`) or on the first command that needs them; `cart`,
 * `purchase`, `show` and `hide` wait for it, and calls made after them keep their order.
 */
export function startPage({
  config,
  options,
  campaigns,
  eager,
  // The real ones by default (go to definition leads there); tests pass fakes.
  createPipeline: makePipeline = createPipeline,
  openKv: openStore = openKv,
}: StartPageOptions): Linger {
  const win = options.window ?? window
  // Before the pipeline's: on a slow device the first pagehide listener is the surest to finish.
  let leave = () => {}
  const onPagehide = () => leave()
  win.addEventListener('pagehide', onPagehide)
  const site = config?.site ?? ''
  let granted = (options.consent ?? config?.consent) !== 'required'
  // Said in debug mode: storage fell back to memory (IndexedDB missing, failing, hung or full).
  // Fallbacks happen on a store's first operation, after onDebug below exists.
  const kvOptions = (store: string): KvOptions => ({
    onFallback: (reason) => onDebug('kv', { store, reason }),
  })
  // Nothing touches IndexedDB before consent: memory stores until then, swapped (with their data) after.
  const kvs = Object.fromEntries(
    STORES.map((s) => [s, switchKv(granted ? openStore(DB, s, kvOptions(s)) : memoryKv())]),
  ) as Record<(typeof STORES)[number], ReturnType<typeof switchKv>>
  let debugOn =
    !!options.debug ||
    ['', '1', 'true'].includes(new URLSearchParams(win.location.search).get('linger_debug') as string)
  let debugMod: Promise<DebugModule | undefined> | undefined
  const debug = () =>
    (debugMod ??= options.loadDebug?.().catch(() => undefined) ?? Promise.resolve(undefined))
  const endpoint = options.endpoint ?? config?.endpoint
  const onDebug = (code: string, detail?: unknown) =>
    debugOn && void debug().then((m) => m?.logPipeline(code, detail))
  // A third-party format's encoder is its own chunk. Until it loads, batches have nowhere to
  // go (empty url) and wait in the queue.
  const format = config?.format ?? 'linger'
  let encoder: BatchEncoder | undefined
  const pipeline = makePipeline({
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
  // Events made before the visitor is known wait here as data: a page that goes in that window
  // stashes them, and the next page sends them with its visitor (see `leave`).
  let pending: Early[] | undefined = []
  // This page's own calls wait here until the stashes of pages gone are read (`liveStashes`, a
  // Web Locks query): the calls a page left were made first, so they are made first.
  let reading: Array<[run: () => void, call?: unknown[]]> | undefined = granted ? [] : undefined
  let identity: Identity
  // Each event carries the user in effect when it was made: the last `identify()` on this page,
  // else the one stored by earlier pages (known only once storage is read).
  let userId: string | undefined
  let identified = false
  let storedUser: string | undefined
  let dead = false
  let isReady = false
  // Bumped by forget(): what was read or started before it must not land after it.
  let era = 0

  // What waits is written ahead to this page's stash at the end of every task that changes it, not
  // only at pagehide: a starved renderer can be torn down with none, and WebKit fires none for a
  // page left before its load event. No other page takes it while this one lives (`ownStash`).
  const own = ownStash(win, CALLS, () => (granted && !dead ? waitingCalls() : undefined))
  const ahead = own.soon

  const tell = <T>(fns: Set<(x: T) => void> | undefined, x: T) => {
    for (const fn of fns ?? [])
      try {
        fn(x)
      } catch {}
  }

  const send = ([early, mine]: Early) => {
    const u = mine ? early.userId : storedUser
    const e = {
      ...early,
      visitorId: identity.visitorId,
      sessionId: identity.sessionId,
      ...(u && { userId: u }),
    } as LingerEvent
    pipeline.enqueue(e)
    if (listeners.size) for (const key of [e.type, '*']) tell(listeners.get(key), e)
  }

  // Props are always an object: the collector refuses an event with other props, and with it its
  // batch, and a stashed call's missing props come back from JSON as null.
  const emit = (type: string, props?: Record<string, unknown>, meta: EventMeta = {}) => {
    const early: Early = [
      {
        id: meta.id ?? newEventId(),
        type,
        ts: new Date().toISOString(),
        site,
        url: win.location.href,
        ...(identified && userId && { userId }),
        ...(meta.campaignId && { campaignId: meta.campaignId }),
        ...(meta.variant && { variant: meta.variant }),
        props: props && typeof props === 'object' && !Array.isArray(props) ? props : {},
      },
      identified,
    ]
    if (pending) {
      pending.push(early)
      ahead()
    } else send(early)
  }

  /**
   * Counts a page view on the stored identity (`read`), unless a forget() came meanwhile: then the
   * identity read is the forgotten one, and the fresh one stands (in memory and in the store).
   */
  const touch = async (e = era, read = kvs.identity.get<Identity>(IDENTITY_KEY)) => {
    const id = nextIdentity(await read, Date.now(), true)
    if (e === era) {
      identity = id
      await kvs.identity.set(IDENTITY_KEY, id)
    }
    return e === era
  }
  /** Load identity and the stored user: both in one read (one transaction fewer at page load). */
  const load = async () => {
    const e = era
    const both = kvs.identity.getMany([IDENTITY_KEY, USER_KEY]) as Promise<[Identity?, string?]>
    const stored = both.then(([id]) => id)
    const user = (await touch(e, stored)) && (await both)[1]
    if (e === era) storedUser = user || undefined
  }

  emit('page.viewed', { title: win.document.title, referrer: win.document.referrer })

  const loaded = load()

  // The site's other open tabs: consent changes (a boolean) and 'forget' hold in all of them.
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel
  const tabs = Channel && new Channel('linger-tabs')

  const page: Page = {
    win,
    options,
    kv: { state: kvs.state, cart: kvs.cart },
    emit,
    loaded,
    identity: () => identity,
    async route() {
      await touch()
      emit('page.viewed', { title: win.document.title })
    },
    onTrack(fn) {
      trackers.add(fn)
      return () => void trackers.delete(fn)
    },
    debugOn: () => debugOn,
    debug,
    dead: () => dead,
    ...(tabs && { tabs }),
  }

  // The campaigns part, once started; `held` keeps the calls waiting for it, in call order, each
  // with what a page that goes stashes of it (`track`, `identify`; cart and purchase: `waiting`).
  let part: CampaignsPart | undefined
  let starting: Promise<unknown> | undefined
  let held: Array<[run: () => void, call?: unknown[]]> | undefined
  // The `cart()` and `purchase()` calls not made yet, as data, in call order: made once the part
  // and the cart state it reads are ready; kept when its chunk fails to load (offline) for a later
  // load; stashed at pagehide, and the next page makes them (a purchase must not be lost). A
  // purchase carries its event id from the call: where a page takes a living page's stash (no Web
  // Locks), both may make it, and the collector keeps one.
  let waiting: Array<[name: 'cart' | 'purchase', arg: unknown, id?: string]> = []
  const drain = () =>
    void part?.ready.then(() => {
      for (const [name, arg, id] of waiting.splice(0)) part![name](arg as never, id)
      ahead()
    })
  const release = () => {
    const calls = held ?? []
    held = undefined
    for (const [run] of calls) run()
    ahead()
  }
  const attach = (c: CampaignsPart) => {
    part = c
    release()
    drain()
  }
  const begin = () => {
    if (starting) return
    let made: CampaignsPart | Promise<CampaignsPart>
    try {
      made = campaigns(page)
    } catch (e) {
      made = Promise.reject(e)
    }
    if (made instanceof Promise)
      // Without the campaigns part (chunk failed to load) the calls after a `cart()` still go out.
      // A later call that needs it tries again (chunkLoader does not keep failures).
      starting = made.then(attach, () => {
        starting = undefined
        onDebug('campaigns')
        release()
      })
    else {
      starting = Promise.resolve()
      attach(made)
    }
  }
  const inOrder = (run: () => void, call: unknown[]) => {
    const wait = reading ?? held
    if (!wait) return run()
    wait.push([reading ? () => inOrder(run, call) : run, call])
    ahead()
  }
  const needs = (name: 'cart' | 'purchase' | 'show' | 'hide', arg?: unknown, id?: string): void => {
    // As data, for the stash: a purchase with its id.
    const data = (id ? [name, arg, id] : [name, arg]) as (typeof waiting)[number]
    if (reading) return void inOrder(() => needs(name, arg, id), data)
    let call = () => part?.[name](arg as never)
    if (name === 'cart' || name === 'purchase') {
      waiting.push(data)
      ahead()
      call = drain
    }
    if (part && !held) return void call()
    held = [...(held ?? []), [call]]
    begin()
  }
  if (eager) begin()
  /** What still waits, as data the next page can make: `cart()`/`purchase()` calls not made, held calls, early events. */
  const waitingCalls = () => {
    const calls: unknown[][] = [...waiting]
    for (const [, call] of held ?? []) if (call) calls.push(call)
    for (const [event, mine] of pending ?? []) calls.push(['event', event, mine])
    for (const [, call] of reading ?? []) if (call) calls.push(call)
    return calls
  }
  /**
   * The page is going: what still waits is stashed in one write (a slow device may not finish a
   * longer pagehide), and the next page makes and sends it. The stash has them now: a page back
   * from the bfcache does not make them a second time, and writes ahead under a new key.
   */
  leave = () => {
    const calls = waitingCalls()
    held = undefined
    waiting = []
    reading &&= []
    own.leave(granted ? calls : [], true)
  }
  const onPageshow = (e: PageTransitionEvent) => void (e.persisted && own.back())
  win.addEventListener('pageshow', onPageshow)

  // What pages gone left waiting — their early events, their cart()/purchase() calls and the calls
  // the script tag's stub held before the page part started (`STASHED_CALLS`) — is made first,
  // then this page's own calls made meanwhile (`reading`).
  const read = liveStashes(win).then((live) => {
    const mine = reading ?? []
    reading = undefined
    if (granted && !dead)
      for (const [name, ...args] of own.take(live) as [string, ...unknown[]][])
        if (name === 'event') args[0] && (pending ? pending.push(args as Early) : send(args as Early))
        else if (STASHED_CALLS.test(name))
          (linger as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args)
    for (const [run] of mine) run()
    ahead()
  })

  // Events made so far go to the pipeline as soon as the visitor is known, not after the campaigns
  // chunk: a visitor who leaves while it downloads would take them along.
  const ready = loaded.then(async () => {
    for (const early of pending ?? []) send(early)
    pending = undefined
    ahead()
    await read
    await starting
    await part?.ready
    isReady = true
  })

  const setConsent = (yes: boolean) => {
    if (yes === granted) return
    granted = yes
    if (!yes) pipeline.setConsent(false)
    const moved = STORES.map((s) => kvs[s].use(yes ? openStore(DB, s, kvOptions(s)) : memoryKv(), true))
    // The queue starts writing once consent is set: only after its store has moved.
    if (yes) void Promise.all(moved).then(() => granted && pipeline.setConsent(true))
  }
  /**
   * Forget in this tab. The cut is taken at the call, and nothing made after it waits for the rest:
   * what was made before it is dropped at once (queue, early events, waiting calls, stashes, user),
   * the page goes on in fresh memory stores with a fresh identity, and the old stores are cleared
   * and the database deleted behind it. Holding later calls until all that finished would hold
   * them for good where it never finishes.
   */
  const forgetHere = () => {
    era++
    takeStash(win, CALLS) // and discard
    const old = STORES.map((s) => kvs[s].use(memoryKv()))
    identity = nextIdentity(undefined, Date.now(), true)
    void kvs.identity.set(IDENTITY_KEY, identity)
    identified = false
    userId = storedUser = undefined
    pending &&= []
    waiting = []
    // Calls still waiting (for the stashes to be read, for the campaigns part) go too, but show()
    // and hide(): they store nothing.
    const shows = ([, call]: [unknown, unknown[]?]) => !call || /^(show|hide)$/.test(call[0] as string)
    held &&= held.filter(shows)
    reading &&= reading.filter(shows)
    const cleared = pipeline.forget()
    // Now, so that a cart() after the cut is made after the cart is cleared.
    const parted = part && Promise.all([part.forget(), part.ready.then(part.reload)])
    return (async () => {
      await cleared
      await parted
      // Clear each store, then drop the database (a clear still holds if another tab blocks the delete).
      for (const kv of await Promise.all(old)) await kv.clear()
      await deleteDatabase(win, DB)
    })()
  }

  const linger: Linger = {
    ready,
    track: (name, props, id = newEventId()) =>
      inOrder(() => {
        emit(name, props, { id })
        // After ready: `event` triggers are armed then, and a queued track() must reach them too.
        if (!isReady) void ready.then(() => tell(trackers, name))
        else if (trackers.size) queueMicrotask(() => tell(trackers, name))
      }, ['track', name, props, id]),
    identify: (user, traits, id = newEventId()) =>
      inOrder(() => {
        userId = user
        identified = true
        const e = era
        // After the stored user is read, so events made before this call keep theirs; not after a
        // forget() that came meanwhile.
        void loaded.then(() => (e === era ? kvs.identity.set(USER_KEY, user) : undefined))
        emit('identify', { traits: traits ?? {} }, { id })
      }, ['identify', user, traits, id]),
    cart: (cart) => needs('cart', cart),
    purchase: (order, id = newEventId()) => needs('purchase', order, id),
    show: (id) => needs('show', id),
    hide: () => needs('hide'),
    consent(given) {
      const yes = !!given
      // Every open tab of the site follows a change: a withdrawal must stop them all storing and
      // sending. Not a repeat: a new tab whose consent manager says "no" before it has read the
      // stored choice has withdrawn nothing.
      if (yes !== granted) tabs?.postMessage(yes)
      setConsent(yes)
    },
    on(type, fn) {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set.add(fn))
      return () => void set.delete(fn)
    },
    forget() {
      // The device forgets, not just this tab: the site's other tabs would store their copy again.
      tabs?.postMessage('forget')
      return forgetHere()
    },
    debug(yes = true) {
      debugOn = yes
      if (yes) void ready.then(() => part?.status())
    },
    dispose() {
      dead = true
      win.removeEventListener('pagehide', onPagehide)
      win.removeEventListener('pageshow', onPageshow)
      own.release()
      tabs?.close()
      part?.dispose()
      pipeline.dispose()
    },
  }
  if (tabs)
    tabs.onmessage = ({ data }) => {
      if (data === 'forget') void forgetHere()
      else if (typeof data === 'boolean') setConsent(data)
    }
  return linger
}

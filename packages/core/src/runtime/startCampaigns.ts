import { createCart } from '../cart/createCart'
import type { PushPort } from '../push/types'
import { deviceClass } from '../sensors/deviceClass'
import { type Caps, loadCaps } from '../targeting/caps'
import { decide } from '../targeting/decide'
import type { Decision } from '../targeting/types'
import type { Campaign, LingerConfig, PushCampaign } from '../types'
import { armTrigger } from './armTrigger'
import type { Base, Campaigns } from './base'
import { cartReturnDue } from './cartReturnDue'
import type { Core } from './core'
import { createShow } from './createShow'
import { type Landing, loadLanding } from './landing'
import { watchPage } from './watchPage'

/**
 * The campaigns part of a running Linger: caps, the cart and its sources, triggers, targeting,
 * widgets and push. Started on top of `startCore`'s base with the validated config.
 */
export function startCampaigns(config: LingerConfig | undefined, base: Base): Campaigns {
  const { win, options, kv } = base
  const campaigns = config?.campaigns ?? []
  const push = campaigns.find((c): c is PushCampaign => c.kind === 'push')
  const params = new URLSearchParams(win.location.search)
  const stops: Array<() => void> = []
  let triggers: Array<() => void> = []
  let port: PushPort | undefined
  let landing: Landing
  const device = deviceClass(win)

  const core: Core = {
    win,
    config,
    campaigns,
    options,
    caps: undefined as unknown as Caps,
    cart: createCart({
      store: kv.cart,
      emit: base.emit,
      ...(base.tabs && { channel: base.tabs }),
      ...(config?.cart?.attributionDays && { attributionDays: config.cart.attributionDays }),
    }),
    visitorId: '',
    interacted: false,
    locale: config?.locale ?? win.navigator.language ?? 'en',
    emit: base.emit,
    context: () => {
      const identity = base.identity()
      return {
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
      }
    },
    push: async (meta) => {
      if (!options.loadPush) throw new Error('no loadPush')
      const flow = await options.loadPush()
      port ??= base.pushPort ?? flow.browserPort(win)
      return { flow, deps: { port, kv: kv.state, emit: (type, props) => base.emit(type, props, meta) } }
    },
    report: (campaign, decision, stage) => {
      if (base.debugOn()) void base.debug().then((m) => m?.logDecision(campaign, decision, stage))
    },
  }
  const shows = createShow(core)

  /** Load (or, after forget, recreate) the session landing and caps, counting this page view. */
  const load = async () => {
    await base.loaded
    const identity = base.identity()
    core.visitorId = identity.visitorId
    landing = await loadLanding(kv.state, identity.sessionId, win)
    core.caps = await loadCaps(
      kv.state,
      identity.sessionId,
      campaigns.map((c) => c.id),
    )
    core.caps.pageview()
  }

  const arm = () => {
    for (const stop of triggers) stop()
    const pageStart = win.performance.now()
    const identity = base.identity()
    triggers = campaigns.map((c) =>
      armTrigger(c, {
        win,
        device,
        pageStart,
        sessionStart: identity.sessionStartedAt,
        pageviews: identity.pageviewsInSession,
        onTrack: base.onTrack,
        fire: (source) => void shows.consider(c, source),
      }),
    )
  }

  const ready = (async () => {
    await load()
    await core.cart.ready
  })()

  /** Where each campaign stands; debug logs it, and the first eligible one prefetches the widgets. */
  let prefetch = options.prefetchWidgets
  const review = (stage: string) => {
    const debugOn = base.debugOn()
    if (!debugOn && !prefetch) return
    const now = campaigns.map((c): [Campaign, Decision] => [
      c,
      decide(c, core.context(), core.caps, config?.limits),
    ])
    if (debugOn) for (const [c, d] of now) core.report(c, d, stage)
    const first = prefetch && now.find(([c, d]) => d.show && c.trigger.type !== 'manual')
    if (first) {
      prefetch!(first[0].kind)
      prefetch = undefined
    }
  }

  void ready.then(async () => {
    if (base.dead()) return
    stops.push(
      ...watchPage(core, shows.retryGuarded, async () => {
        await base.route()
        core.caps.pageview()
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
    const started = base.identity().sessionStartedAt
    for (const c of campaigns)
      if (cartReturnDue(c.trigger, changed, started, Date.now(), full)) void shows.consider(c, 'return')
    // Also loads the push module now, before a trigger needs it.
    if (push)
      core.push({ campaignId: push.id }).then(
        ({ flow, deps }) => flow.resyncPush(push, deps),
        () => {},
      )
  })

  return {
    ready,
    cart: (cart) => core.cart.set(cart),
    purchase: (order) => core.cart.purchase(order),
    show: (id) => void ready.then(() => shows.showById(id)),
    hide: () => shows.hide(),
    status: () => review('status'),
    async forget() {
      await core.cart.forget()
      if (push)
        await core.push({}).then(
          ({ flow, deps }) => flow.unsubscribePush(push, deps.port),
          () => {},
        )
    },
    reload: load,
    dispose() {
      for (const stop of [...stops, ...triggers]) stop()
      shows.hide()
    },
  }
}

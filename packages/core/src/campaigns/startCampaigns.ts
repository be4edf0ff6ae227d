import { createCart } from '../cart/createCart'
import type { reportIssues } from '../config/reportIssues'
import type { validateConfig } from '../config/validateConfig'
import type { Page } from '../page/Page'
import type { PushPort } from '../push/types'
import { deviceClass } from '../sensors/deviceClass'
import { type Caps, loadCaps } from '../targeting/caps'
import { decide } from '../targeting/decide'
import type { Decision } from '../targeting/types'
import type { Campaign, PushCampaign } from '../types'
import { armTrigger } from './armTrigger'
import type { CampaignsPart } from './CampaignsPart'
import type { CampaignsState } from './CampaignsState'
import { cartReturnDue } from './cartReturnDue'
import { createShow } from './createShow'
import { type Landing, loadLanding } from './landing'
import { watchPage } from './watchPage'
import { whenIdle } from './whenIdle'

/**
 * The campaigns part of a running Linger: caps, the cart and its sources, triggers, targeting,
 * widgets and push, started on the running `page` (see `startPage`). Validates the untrusted
 * config first: its problems go to the console (and `onIssue`), its valid campaigns still run.
 */
export function startCampaigns(
  input: unknown,
  page: Page,
  // `validate` and `report` are passed in: the script tag loads them as the validator chunk, only
  // for a config that is not stamped (config/isStamped.ts). The push port: the browser's by
  // default; tests pass a fake.
  {
    validate,
    report,
    pushPort,
  }: { validate: typeof validateConfig; report: typeof reportIssues; pushPort?: PushPort },
): CampaignsPart {
  const { config, issues } = input === undefined ? { config: undefined, issues: [] } : validate(input)
  if (issues.length) report(issues, { input, config, debug: page.debugOn(), onIssue: page.options.onIssue })
  const { win, options, kv } = page
  const campaigns = config?.campaigns ?? []
  const push = campaigns.find((c): c is PushCampaign => c.kind === 'push')
  const params = new URLSearchParams(win.location.search)
  const stops: Array<() => void> = []
  let triggers: Array<() => void> = []
  let port: PushPort | undefined
  let landing: Landing
  const device = deviceClass(win)

  const state: CampaignsState = {
    win,
    config,
    campaigns,
    options,
    caps: undefined as unknown as Caps,
    cart: createCart({
      store: kv.cart,
      emit: page.emit,
      ...(page.tabs && { channel: page.tabs }),
      ...(config?.cart?.attributionDays && { attributionDays: config.cart.attributionDays }),
    }),
    visitorId: '',
    interacted: false,
    locale: config?.locale ?? win.navigator.language ?? 'en',
    emit: page.emit,
    context: () => {
      const identity = page.identity()
      return {
        url: win.location.href,
        referrer: win.document.referrer,
        landingUrl: landing.url,
        utm: landing.utm,
        device,
        visitor: { isNew: identity.isNewVisitor, visitCount: identity.visitCount },
        locale: win.navigator.language || 'en',
        now: Date.now(),
        cart: state.cart.get(),
        visitorId: identity.visitorId,
      }
    },
    push: async (meta) => {
      if (!options.loadPush) throw new Error('no loadPush')
      const flow = await options.loadPush()
      port ??= pushPort ?? flow.browserPort(win)
      return { flow, deps: { port, kv: kv.state, emit: (type, props) => page.emit(type, props, meta) } }
    },
    report: (campaign, decision, stage) => {
      if (page.debugOn()) void page.debug().then((m) => m?.logDecision(campaign, decision, stage))
    },
  }
  const shows = createShow(state)

  /** Load (or, after forget, recreate) the session landing and caps, counting this page view. */
  const load = async () => {
    await page.loaded
    const identity = page.identity()
    state.visitorId = identity.visitorId
    landing = await loadLanding(kv.state, identity.sessionId, win)
    state.caps = await loadCaps(
      kv.state,
      identity.sessionId,
      campaigns.map((c) => c.id),
    )
    state.caps.pageview()
  }

  const arm = () => {
    for (const stop of triggers) stop()
    const pageStart = win.performance.now()
    const identity = page.identity()
    triggers = campaigns.map((c) =>
      armTrigger(c, {
        win,
        device,
        pageStart,
        sessionStart: identity.sessionStartedAt,
        pageviews: identity.pageviewsInSession,
        onTrack: page.onTrack,
        fire: (source) => void shows.consider(c, source),
      }),
    )
  }

  const ready = (async () => {
    await load()
    await state.cart.ready
  })()

  /** Where each campaign stands; debug logs it, and the first eligible one prefetches the widgets. */
  let prefetch = options.prefetchWidgets
  const review = (stage: string) => {
    const debugOn = page.debugOn()
    if (!debugOn && !prefetch) return
    const now = campaigns.map((c): [Campaign, Decision] => [
      c,
      decide(c, state.context(), state.caps, config?.limits),
    ])
    if (debugOn) for (const [c, d] of now) state.report(c, d, stage)
    const first = prefetch && now.find(([c, d]) => d.show && c.trigger.type !== 'manual')
    if (first) {
      prefetch!(first[0].kind)
      prefetch = undefined
    }
  }

  void ready.then(async () => {
    if (page.dead()) return
    stops.push(
      ...watchPage(state, shows.retryGuarded, async () => {
        await page.route()
        state.caps.pageview()
        arm()
        review('route')
      }),
    )
    const preview = params.get('linger_preview')
    if (preview) await shows.showById(preview, true)
    arm()
    review('init')
    const changed = state.cart.lastChangedAt()
    const full = !!state.cart.get()?.items.length
    const started = page.identity().sessionStartedAt
    for (const c of campaigns)
      if (cartReturnDue(c.trigger, changed, started, Date.now(), full)) void shows.consider(c, 'return')
    // The push module loads when a prompt is about to show, or at idle for the resync — which
    // only a visitor who granted notifications needs (no subscription can exist otherwise).
    if (push)
      whenIdle(win, () => {
        const permission = pushPort
          ? pushPort.permission()
          : (win as Window & { Notification?: typeof Notification }).Notification?.permission
        if (page.dead() || permission !== 'granted') return
        state.push({ campaignId: push.id }).then(
          ({ flow, deps }) => flow.resyncPush(push, deps),
          () => {},
        )
      })
  })

  return {
    ready,
    cart: (cart) => state.cart.set(cart),
    purchase: (order, id) => state.cart.purchase(order, id),
    show: (id) => void ready.then(() => shows.showById(id)),
    hide: () => shows.hide(),
    status: () => review('status'),
    async forget() {
      await state.cart.forget()
      if (push)
        await state.push({}).then(
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

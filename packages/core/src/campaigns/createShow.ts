import { cartMatches } from '../cart/cartMatches'
import { cartVars } from '../cart/cartVars'
import { applyVariant } from '../targeting/applyVariant'
import { decide } from '../targeting/decide'
import { no, OK } from '../targeting/decision'
import { interstitialGuard } from '../targeting/interstitialGuard'
import { pickVariant } from '../targeting/pickVariant'
import type { Decision } from '../targeting/types'
import type { Campaign, PushCampaign } from '../types'
import type { CampaignsState } from './CampaignsState'
import { keepClear } from './keepClear'
import type { MountedWidget, MountWidget } from './widgets'

interface Screen {
  id: string
  widget?: MountedWidget
}

/**
 * Turns fired triggers into shown widgets: targeting, the interstitial guard, the push gate,
 * priority among campaigns that fire together, holdout, one widget on screen, lazy widgets.
 */
export function createShow(state: CampaignsState) {
  let screen: Screen | undefined
  // One load per chunk: the widgets, or the survey flow's (`kind: "survey"`).
  const chunks = new Map<unknown, Promise<{ mount: MountWidget }>>()
  let queue: Array<[Campaign, string]> = []
  const guarded = new Map<Campaign, string>()

  /** The widget on screen, if any. A host page may remove a widget's element itself: that frees the screen. */
  const onScreen = () => {
    if (screen?.widget?.connected() === false) screen = undefined
    return screen
  }

  /** The push gate (`cooldown`: honour "Not now"); without the push module a push campaign can't show. */
  const pushGate = (campaign: PushCampaign, cooldown?: boolean) =>
    state.push({ campaignId: campaign.id }).then(
      ({ flow, deps }) => flow.pushGate(campaign, deps, cooldown),
      () => no('push-unavailable'),
    )

  /** A trigger fired: does the campaign qualify right now? */
  async function consider(campaign: Campaign, source: string): Promise<void> {
    if (onScreen()) return state.report(campaign, no('on-screen', { campaignId: screen!.id }), source)
    const ctx = state.context()
    let d: Decision = decide(campaign, ctx, state.caps, state.config?.limits)
    const t = campaign.trigger
    if (d.show && t.type === 'cart-abandon' && !(ctx.cart?.items.length && cartMatches(ctx.cart, t)))
      d = no('cart-abandon-cart', { minValue: t.minValue, minItems: t.minItems })
    const guard = d.show && interstitialGuard(campaign, ctx, state.interacted)
    if (guard) {
      guarded.set(campaign, source)
      d = guard
    }
    if (d.show && campaign.kind === 'push') d = await pushGate(campaign)
    if (!d.show) return state.report(campaign, d, source)
    // Campaigns whose triggers fire in the same task compete: the highest priority wins.
    if (queue.push([campaign, source]) === 1) setTimeout(pick)
  }

  function pick() {
    const list = queue.sort(([a], [b]) => (b.priority ?? 0) - (a.priority ?? 0))
    queue = []
    for (const [i, [campaign, source]] of list.entries()) {
      if (i || onScreen()) {
        state.report(campaign, no(i ? 'lower-priority' : 'on-screen'), source)
        continue
      }
      void reveal(campaign, source, false)
    }
  }

  /** The visitor's variant, then the holdout (not in a preview): held out → an event instead of a widget. */
  function reveal(campaign: Campaign, source: string, preview: boolean) {
    const { variant, heldOut } = pickVariant(campaign, state.visitorId)
    const out = heldOut && !preview
    if (!preview && campaign.trigger.type === 'cart-abandon') state.cart.addShown(campaign.id, variant, out)
    if (!out) return open(campaign, variant, source, preview)
    state.caps.shown(campaign.id, false)
    state.emit(
      'campaign.held-out',
      { trigger: source, kind: campaign.kind },
      { campaignId: campaign.id, variant },
    )
    state.report(campaign, no('held-out', { variant }), source)
  }

  /** Mount the widget: reserve the screen first so nothing else shows while the chunk loads. */
  async function open(campaign: Campaign, variant: string | undefined, source: string, preview: boolean) {
    const doc = state.win.document
    const returnFocus = doc.activeElement
    const me: Screen = { id: campaign.id }
    screen = me
    const meta = { campaignId: campaign.id, variant }
    const release = () => {
      if (screen === me) screen = undefined
    }
    try {
      const load = campaign.kind === 'survey' ? state.options.loadSurvey : state.options.loadWidgets
      if (!load) throw 0
      if (!chunks.has(load)) chunks.set(load, load())
      const [{ mount }, push] = await Promise.all([
        chunks.get(load)!,
        campaign.kind === 'push' ? state.push(meta) : undefined,
      ])
      if (screen !== me) return
      const cart = state.cart.get()
      let closed = false
      me.widget = mount(
        applyVariant(campaign, variant),
        {
          track(type, props) {
            // The answer is remembered on the device: audience.survey and the response caps read it.
            if (type === 'survey.answered' && !preview) state.caps.answered(campaign.id, props, Date.now())
            state.emit(type, props, meta)
          },
          close(reason) {
            if (closed) return
            closed = true
            release()
            if (reason !== 'completed') state.emit(`campaign.${reason}`, {}, meta)
            if (!preview) state.caps.closed(campaign.id, reason, Date.now())
            // "Not now" only while the browser would still ask; after a denial there is nothing to cool down.
            if (push && !preview && reason === 'dismissed' && push.deps.port.permission() === 'default')
              void push.flow.dismissPush(push.deps)
          },
          show(id) {
            if (screen === me) {
              me.widget?.unmount()
              release()
            }
            showById(id)
          },
          ...(push && { requestPush: () => push.flow.requestPush(campaign as PushCampaign, push.deps) }),
          locale: state.locale,
          vars: cartVars(cart, state.locale),
          cartItems: cart?.items ?? [],
        },
        { theme: state.config?.theme, variant, returnFocus, document: doc },
      )
      keepClear(state.win, campaign)
      state.emit(
        'campaign.shown',
        { trigger: source, kind: campaign.kind, ...(preview && { preview }) },
        meta,
      )
      if (push) state.emit('push.prompted', {}, meta)
      if (!preview) state.caps.shown(campaign.id, true, /^(nps|csat|survey)$/.test(campaign.kind))
      state.report(campaign, OK, source)
    } catch {
      // A chunk that failed to load (offline) may load next time.
      chunks.clear()
      release()
      state.report(campaign, no('widgets-unavailable'), source)
    }
  }

  /** `show(id)`: no targeting or caps, but one widget on screen, the holdout and the push gate hold. */
  async function showById(id: string, preview = false): Promise<void> {
    const campaign = state.campaigns.find((c) => c.id === id)
    if (!campaign) return
    if (onScreen()) return state.report(campaign, no('on-screen', { campaignId: screen!.id }), 'show')
    const source = preview ? 'preview' : 'show'
    if (!preview && campaign.kind === 'push') {
      const d = await pushGate(campaign, false)
      if (!d.show) return state.report(campaign, d, source)
    }
    await reveal(campaign, source, preview)
  }

  return {
    consider,
    showById,
    /** The visitor interacted: campaigns held by the interstitial guard get another chance. */
    retryGuarded() {
      for (const [campaign, source] of guarded) void consider(campaign, source)
      guarded.clear()
    },
    hide() {
      screen?.widget?.unmount()
      screen = undefined
    },
  }
}

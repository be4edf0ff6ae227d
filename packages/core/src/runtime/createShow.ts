import { cartMatches } from '../cart/cartMatches'
import { cartVars } from '../cart/cartVars'
import { applyVariant } from '../targeting/applyVariant'
import { decide } from '../targeting/decide'
import { no, OK } from '../targeting/decision'
import { interstitialGuard } from '../targeting/interstitialGuard'
import { pickVariant } from '../targeting/pickVariant'
import type { Decision } from '../targeting/types'
import type { Campaign, PushCampaign } from '../types'
import type { Core } from './core'
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
export function createShow(core: Core) {
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
    core.push({ campaignId: campaign.id }).then(
      ({ flow, deps }) => flow.pushGate(campaign, deps, cooldown),
      () => no('push-unavailable'),
    )

  /** A trigger fired: does the campaign qualify right now? */
  async function consider(campaign: Campaign, source: string): Promise<void> {
    if (onScreen()) return core.report(campaign, no('on-screen', { campaignId: screen!.id }), source)
    const ctx = core.context()
    let d: Decision = decide(campaign, ctx, core.caps, core.config?.limits)
    const t = campaign.trigger
    if (d.show && t.type === 'cart-abandon' && !(ctx.cart?.items.length && cartMatches(ctx.cart, t)))
      d = no('cart-abandon-cart', { minValue: t.minValue, minItems: t.minItems })
    const guard = d.show && interstitialGuard(campaign, ctx, core.interacted)
    if (guard) {
      guarded.set(campaign, source)
      d = guard
    }
    if (d.show && campaign.kind === 'push') d = await pushGate(campaign)
    if (!d.show) return core.report(campaign, d, source)
    // Campaigns whose triggers fire in the same task compete: the highest priority wins.
    if (queue.push([campaign, source]) === 1) setTimeout(pick)
  }

  function pick() {
    const list = queue.sort(([a], [b]) => (b.priority ?? 0) - (a.priority ?? 0))
    queue = []
    for (const [i, [campaign, source]] of list.entries()) {
      if (i || onScreen()) {
        core.report(campaign, no(i ? 'lower-priority' : 'on-screen'), source)
        continue
      }
      void reveal(campaign, source, false)
    }
  }

  /** The visitor's variant, then the holdout (not in a preview): held out → an event instead of a widget. */
  function reveal(campaign: Campaign, source: string, preview: boolean) {
    const { variant, heldOut } = pickVariant(campaign, core.visitorId)
    const out = heldOut && !preview
    if (!preview && campaign.trigger.type === 'cart-abandon') core.cart.addShown(campaign.id, variant, out)
    if (!out) return open(campaign, variant, source, preview)
    core.caps.shown(campaign.id, false)
    core.emit(
      'campaign.held-out',
      { trigger: source, kind: campaign.kind },
      { campaignId: campaign.id, variant },
    )
    core.report(campaign, no('held-out', { variant }), source)
  }

  /** Mount the widget: reserve the screen first so nothing else shows while the chunk loads. */
  async function open(campaign: Campaign, variant: string | undefined, source: string, preview: boolean) {
    const doc = core.win.document
    const returnFocus = doc.activeElement
    const me: Screen = { id: campaign.id }
    screen = me
    const meta = { campaignId: campaign.id, variant }
    const release = () => {
      if (screen === me) screen = undefined
    }
    try {
      const load = campaign.kind === 'survey' ? core.options.loadSurvey : core.options.loadWidgets
      if (!load) throw 0
      if (!chunks.has(load)) chunks.set(load, load())
      const [{ mount }, push] = await Promise.all([
        chunks.get(load)!,
        campaign.kind === 'push' ? core.push(meta) : undefined,
      ])
      if (screen !== me) return
      const cart = core.cart.get()
      let closed = false
      me.widget = mount(
        applyVariant(campaign, variant),
        {
          track(type, props) {
            // The answer is remembered on the device: audience.survey and the response caps read it.
            if (type === 'survey.answered' && !preview) core.caps.answered(campaign.id, props, Date.now())
            core.emit(type, props, meta)
          },
          close(reason) {
            if (closed) return
            closed = true
            release()
            if (reason !== 'completed') core.emit(`campaign.${reason}`, {}, meta)
            if (!preview) core.caps.closed(campaign.id, reason, Date.now())
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
          locale: core.locale,
          vars: cartVars(cart, core.locale),
          cartItems: cart?.items ?? [],
        },
        { theme: core.config?.theme, variant, returnFocus, document: doc },
      )
      keepClear(core.win, campaign)
      core.emit('campaign.shown', { trigger: source, kind: campaign.kind, ...(preview && { preview }) }, meta)
      if (push) core.emit('push.prompted', {}, meta)
      if (!preview) core.caps.shown(campaign.id, true, /^(nps|csat|survey)$/.test(campaign.kind))
      core.report(campaign, OK, source)
    } catch {
      // A chunk that failed to load (offline) may load next time.
      chunks.clear()
      release()
      core.report(campaign, no('widgets-unavailable'), source)
    }
  }

  /** `show(id)`: no targeting or caps, but one widget on screen, the holdout and the push gate hold. */
  async function showById(id: string, preview = false): Promise<void> {
    const campaign = core.campaigns.find((c) => c.id === id)
    if (!campaign) return
    if (onScreen()) return core.report(campaign, no('on-screen', { campaignId: screen!.id }), 'show')
    const source = preview ? 'preview' : 'show'
    if (!preview && campaign.kind === 'push') {
      const d = await pushGate(campaign, false)
      if (!d.show) return core.report(campaign, d, source)
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

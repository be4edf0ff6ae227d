/**
 * linger.js — the script tag. Replays the calls the page's stub queued, finds the config
 * (`linger('init', …)`, an inline `<script type="application/json" id="linger-config">`, or
 * `data-config`), starts the page part (identity, consent, event pipeline, page view), then loads
 * the campaigns chunk (validation, targeting, triggers, cart, push) from beside this script;
 * the widgets chunk loads only when a campaign is about to show.
 */
import {
  CALLS,
  type CampaignsPart,
  type Linger,
  newEventId,
  ownStash,
  type Page,
  pageConfig,
  startPage,
  stashable,
  stashCalls,
} from '@linger/core/page'
import type { EncoderFactory } from '@linger/core/wire'
import { chunkLoader } from './chunkLoader'
import { configFromPage } from './configFromPage'

type Call = [command: string, ...args: unknown[]]
interface Stub {
  (...args: unknown[]): unknown
  q?: ArrayLike<unknown>[]
  /** Set once the real script runs: a second copy of the script then does nothing. */
  loaded?: 1
}

const w = window as unknown as { linger?: Stub }
const stub = w.linger

if (!stub?.loaded) {
  const script = (document.currentScript ??
    document.querySelector(
      'script[src*="linger"][data-config],script[src$="linger.js"]',
    )) as HTMLScriptElement | null
  const data = script?.dataset ?? {}
  const load = chunkLoader(script?.src || location.href)
  const mayStash = data.consent !== 'required'
  // A track(), identify() or purchase() made before the runtime starts gets its event id now: if
  // both this page and the next (from the stash) make it, it is one event.
  const withId = (call: Call): Call =>
    call[0] === 'purchase'
      ? [call[0], call[1], call[2] ?? newEventId()]
      : /^(track|identify)$/.test(call[0])
        ? [call[0], call[1], call[2], call[3] ?? newEventId()]
        : call
  // The calls the stub queued, then those made until the runtime starts, in call order.
  let waiting: Call[] = Array.from(stub?.q ?? [], (args) => withId(Array.from(args) as Call))
  let runtime: Linger | undefined
  // Those the next page can make are written ahead to this page's stash at the end of the task
  // that made them (a starved renderer can be torn down with no pagehide), and again at pagehide;
  // no other page takes it while this one lives.
  const own = ownStash(window, CALLS, () => (runtime || !mayStash ? undefined : stashable(waiting)))
  const ahead = own.soon

  const dispatch = ([command, ...args]: Call): unknown => {
    const method = (runtime as unknown as Record<string, unknown>)[command]
    if (typeof method === 'function') return method.apply(runtime, args)
    if (command !== 'init') console.warn('linger: unknown command', command)
  }

  const api: Stub = (...args) => {
    if (runtime) return dispatch(args as Call)
    waiting.push(withId(args as Call))
    ahead()
  }
  api.loaded = 1
  w.linger = api
  if (waiting.length) ahead()

  // A page that goes while its config is still on the way hands its track/identify/cart/purchase
  // calls to the next page, which makes them; the others stay, in case it comes back from the
  // bfcache (which then writes ahead under a new name).
  addEventListener('pagehide', () => {
    if (!runtime && mayStash) waiting = stashCalls((calls) => own.leave(calls, true), waiting)
  })
  addEventListener('pageshow', (e) => void (e.persisted && !runtime && own.back()))

  configFromPage(waiting, script).then((config) => {
    // `startPage` as `init` does, without init's bundled validation, campaigns, debug and Shopify
    // modules: the campaigns part comes from its chunk.
    const c = config as
      | { campaigns?: unknown[]; cart?: { dataLayer?: unknown; shopify?: unknown } }
      | undefined
    const fields = pageConfig(c)
    // What was written ahead is made here, in call order with the rest (`consent`, `on`): the
    // stash goes before the page part starts, which takes the stashes of pages gone.
    own.leave([])
    runtime = startPage({
      config: fields,
      options: {
        endpoint: data.endpoint,
        consent: data.consent === 'required' ? 'required' : undefined,
        debug: 'debug' in data,
        // The widgets and Shopify loaders are the campaigns chunk's (they are only its to call).
        loadDebug: () => load('linger-debug.js'),
        loadFormat: (format) =>
          load<Record<string, EncoderFactory>>('linger-formats.js').then((m) => m[`${format}Encoder`]!),
      },
      campaigns: (page) =>
        load<{ campaigns(input: unknown, page: Page): Promise<CampaignsPart> }>('linger-campaigns.js').then(
          (m) => m.campaigns(config, page),
        ),
      // The data layer reader (on unless turned off), the Shopify cart and campaigns live in
      // the chunk: load it right away so no push or trigger is missed.
      eager: !fields || c?.cart?.dataLayer !== false || !!c.cart.shopify || !!c.campaigns?.length,
    })
    for (const call of waiting.splice(0)) dispatch(call)
  })
}

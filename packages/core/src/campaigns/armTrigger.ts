import { onClick } from '../sensors/onClick'
import { onExitIntent } from '../sensors/onExitIntent'
import { onIdle } from '../sensors/onIdle'
import { onScrollDepth } from '../sensors/onScrollDepth'
import { onTimeOnPage } from '../sensors/onTimeOnPage'
import { onTouchExit } from '../sensors/onTouchExit'
import type { Campaign, Device } from '../types'

/** What a trigger needs to know about the page; `fire` asks targeting to consider the campaign. */
export interface TriggerEnv {
  win: Window
  device: Device
  /** Epoch ms the session started (`time` with `scope: "site"`). */
  sessionStart: number
  /** `performance.now()` when this page view started (0 on load, later after an SPA route change). */
  pageStart: number
  /** Page views in this session, this one included. */
  pageviews: number
  /** Subscribe to `track()` names (`event` trigger). */
  onTrack(cb: (name: string) => void): () => void
  fire(source: string): void
}

/** Exit intent that re-arms after firing (sensors fire once): desktop pointer, or touch signals. */
function exitIntent(env: TriggerEnv, minSeconds?: number, graceMs?: number): () => void {
  let stop = () => {}
  const arm = () => {
    const cb = () => {
      env.fire('exit-intent')
      arm()
    }
    const o = {
      window: env.win,
      ...(minSeconds === undefined ? {} : { minSeconds }),
      ...(graceMs === undefined ? {} : { graceMs }),
    }
    stop = env.device === 'desktop' ? onExitIntent(cb, o) : onTouchExit(cb, o)
  }
  arm()
  return () => stop()
}

/**
 * Arms the campaign's trigger on this page and returns `dispose`. Per-page triggers are armed
 * again after an SPA route change. `cart-abandon`'s `return` signal is checked by the runtime at init.
 */
export function armTrigger(campaign: Campaign, env: TriggerEnv): () => void {
  const t = campaign.trigger
  const win = env.win
  const fire = () => env.fire(t.type)
  switch (t.type) {
    case 'exit-intent':
      return exitIntent(env, t.minSeconds, t.graceMs)
    case 'cart-abandon': {
      const on = t.on ?? ['exit-intent', 'idle', 'return']
      const stops = [
        on.includes('exit-intent') ? exitIntent(env) : undefined,
        on.includes('idle')
          ? onIdle(() => env.fire('idle'), { seconds: t.idleSeconds ?? 30, window: win })
          : undefined,
      ]
      return () => {
        for (const stop of stops) stop?.()
      }
    }
    case 'time':
      return onTimeOnPage(fire, {
        seconds: t.seconds,
        window: win,
        // The sensor counts from a performance.now() origin; the session started that long ago.
        since: t.scope === 'site' ? win.performance.now() - (Date.now() - env.sessionStart) : env.pageStart,
      })
    case 'scroll':
      return onScrollDepth(fire, { percent: t.percent, window: win })
    case 'idle':
      return onIdle(fire, { seconds: t.seconds, window: win })
    case 'click':
      return onClick(fire, { selector: t.selector, window: win })
    case 'event':
      return env.onTrack((name) => name === t.name && fire())
    case 'pageviews':
      if (env.pageviews >= t.count) queueMicrotask(fire)
      return () => {}
    case 'pageview':
      queueMicrotask(fire)
      return () => {}
    default:
      return () => {}
  }
}

import type { Campaign } from '@linger/core/types'
import type { MountOptions, MountWidget, WidgetHost } from '../src/host'
import { mount } from '../src/index'

export type Call = { type: string; props?: Record<string, unknown>; reason?: string; id?: string }

/** A host that records every call, as the core would receive them. */
export function fakeHost(over: Partial<WidgetHost> = {}) {
  const calls: Call[] = []
  const host: WidgetHost = {
    track: (type, props) => void calls.push({ type, props }),
    close: (reason) => void calls.push({ type: 'close', reason }),
    show: (id) => void calls.push({ type: 'show', id }),
    locale: 'en',
    vars: {},
    ...over,
  }
  return { host, calls }
}

/** Mounts `campaign` (with `mountWith`) and a recording host; returns the shadow root and helpers. */
export function open(
  campaign: Campaign,
  over: Partial<WidgetHost> = {},
  options: MountOptions = {},
  mountWith: MountWidget = mount,
) {
  const { host, calls } = fakeHost(over)
  const widget = mountWith(campaign, host, options)
  const els = document.querySelectorAll('linger-widget')
  const el = els[els.length - 1] as HTMLElement
  const root = el?.shadowRoot as ShadowRoot
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)
  const $$ = <T extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<T>(sel)]
  const button = (name: string) =>
    $$<HTMLButtonElement>('button,a').find((b) => (b.getAttribute('aria-label') || b.textContent) === name)
  return { widget, calls, el, root, $, $$, button, tracked: () => calls.filter((c) => c.type !== 'close') }
}

export function key(target: Element, k: string, shiftKey = false): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true })
  target.dispatchEvent(e)
  return e
}

export const popup = (content: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ id: 'p', kind: 'popup', trigger: { type: 'manual' }, content, ...extra }) as Campaign

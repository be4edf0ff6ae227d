import type { Campaign, PopupLayout, Text } from '@linger/core/types'
import type { WidgetHost } from '../host'

/**
 * What every widget view receives from `renderWidget`. A widget is one small tree, so its
 * state `v` lives here and `set` re-renders the whole tree: no hooks or signals runtime to
 * ship (see the package README for the size budget).
 */
export interface Ctx<C extends Campaign = Campaign, V = object> {
  campaign: C
  host: WidgetHost
  /** Marketer text → plain string for this locale with `{{variables}}` filled in. */
  t(text?: Text): string
  /** A built-in UI string by its index in `text/keys.ts`. */
  s(key: number): string
  /** Report `reason` to the host (once) and remove the widget. */
  close(reason: 'dismissed' | 'converted' | 'completed'): void
  /** Report `reason` to the host now and keep the widget until `close` (a link mid-click). */
  report(reason: 'dismissed' | 'converted' | 'completed'): void
  /** The view's state; `set` merges a patch and re-renders. */
  v: V
  set(patch: Partial<V>): void
  /** Runs `stop` when the widget goes away (timers). */
  onGone(stop: () => void): void
  /** The widget's shadow root. */
  root: ShadowRoot
  layout: PopupLayout
  /** Root element classes: layout, side, colour mode. */
  cls: string
  dir: 'rtl' | 'ltr'
  style: Record<string, string>
}

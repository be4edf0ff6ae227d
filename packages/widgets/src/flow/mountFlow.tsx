import type { SurveyCampaign } from '@linger/core/types'
import type { MountWidget } from '../host'
import { renderWidget } from '../mount/renderWidget'
import { Flow } from './Flow'
import type { FlowState } from './state'

/** Fisher–Yates on a copy. */
const shuffled = <T,>(list: readonly T[], random: () => number): T[] => {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/**
 * Mounts a `survey` campaign: a non-modal card in the bottom corner (`display: "popup"`),
 * inside `target` (`inline`; a card when nothing matches), or a feedback tab in the corner that
 * opens that card (`tab`). Choice orders are fixed here, once,
 * so a re-render never reshuffles what the visitor is reading.
 */
export const mountFlow: MountWidget = (campaign, host, options = {}) => {
  const k = campaign as SurveyCampaign
  const v: FlowState = { at: 0, answered: 0, started: Date.now(), order: {}, tab: k.display === 'tab' }
  for (const q of k.questions)
    if (q.type === 'single' || q.type === 'multi')
      v.order[q.id] = q.shuffle ? shuffled(q.choices, Math.random) : q.choices
  const layout = k.display === 'inline' ? 'inline' : 'slide-in'
  return renderWidget(k, host, options, Flow, v, layout, k.position)
}

import { mountCsat } from '../csat/mountCsat'
import type { MountWidget } from '../host'
import { mountNps } from '../nps/mountNps'
import { mountPopup } from '../popup/mountPopup'
import { mountPush } from '../push/mountPush'

const byKind = { popup: mountPopup, nps: mountNps, csat: mountCsat, push: mountPush }

/**
 * Mounts the widget for `campaign.kind` in its own shadow root. The core passes the
 * campaign with the variant's content merged. Import a kind's module
 * (`@linger/widgets/nps`) instead to ship only that widget.
 */
export const mount: MountWidget = (campaign, host, options) =>
  (byKind as Record<string, MountWidget>)[campaign.kind]!(campaign, host, options)

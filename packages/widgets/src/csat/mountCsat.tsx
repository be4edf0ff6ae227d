import type { CsatCampaign } from '@linger/core/types'
import type { MountWidget } from '../host'
import { renderWidget } from '../mount/renderWidget'
import { Csat } from './Csat'

/** Mounts a `csat` survey as a non-modal slide-in in the bottom corner. */
export const mountCsat: MountWidget = (campaign, host, options = {}) =>
  renderWidget(campaign as CsatCampaign, host, options, Csat, { score: null }, 'slide-in')

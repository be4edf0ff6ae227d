import type { NpsCampaign } from '@linger/core/types'
import type { MountWidget } from '../host'
import { renderWidget } from '../mount/renderWidget'
import { Nps } from './Nps'

/** Mounts an `nps` survey as a non-modal slide-in in the bottom corner. */
export const mountNps: MountWidget = (campaign, host, options = {}) =>
  renderWidget(campaign as NpsCampaign, host, options, Nps, { score: null }, 'slide-in')

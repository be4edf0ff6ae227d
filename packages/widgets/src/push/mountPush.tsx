import type { PushCampaign } from '@linger/core/types'
import type { MountWidget } from '../host'
import { renderWidget } from '../mount/renderWidget'
import { Push } from './Push'

/** Mounts the `push` soft prompt as a non-modal slide-in in the bottom corner. */
export const mountPush: MountWidget = (campaign, host, options = {}) =>
  renderWidget(campaign as PushCampaign, host, options, Push, { state: '' }, 'slide-in')

import { bucket } from './bucket'
import { no } from './decision'
import type { Check } from './types'

/** `sample` percent of visitors, the same visitors every time for the same campaign. */
export function checkSample(sample: number | undefined, visitorId: string, campaignId: string): Check {
  if (sample !== undefined && bucket(`s:${visitorId}:${campaignId}`) >= sample)
    return no('sample', { sample })
}

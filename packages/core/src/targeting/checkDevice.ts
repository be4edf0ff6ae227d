import type { Device } from '../types'
import { no } from './decision'
import type { Check } from './types'

/** The visitor's device class must be listed (when a list is given). */
export function checkDevice(want: Device[] | undefined, device: Device): Check {
  if (want && !want.includes(device)) return no('device', { device })
}

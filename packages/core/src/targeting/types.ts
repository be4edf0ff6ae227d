import type { Cart, Device } from '../types'

/** What targeting knows about the page and the visitor; built by the runtime, injected in tests. */
export interface TargetContext {
  url: string
  referrer: string
  landingUrl: string
  /** UTM parameters of the session's landing URL (`source`, `medium`, …). */
  utm: Record<string, string>
  device: Device
  visitor: { isNew: boolean; visitCount: number }
  locale: string
  /** Epoch ms. */
  now: number
  /** The visitor's IANA zone; default the runtime's. */
  timeZone?: string
  cart?: Cart
  visitorId: string
}

/** One targeting decision: `code` says why, `detail` carries e.g. `until` for caps. Debug explains it. */
export interface Decision {
  show: boolean
  code: string
  detail?: Record<string, unknown>
}

/** A passing condition: `undefined`; a failing one: its decision. */
export type Check = Decision | undefined

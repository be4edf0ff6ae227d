/**
 * Public shapes shared by every Linger package: the config a marketer writes and the
 * events an endpoint receives. Field names follow docs/contract.md; keep them.
 */

/** Plain text, or per-locale text (`{ "en": "…", "de": "…" }`). Never HTML. */
export type Text = string | Record<string, string>

export type DeliveryFormat = 'linger' | 'segment' | 'rudderstack' | 'posthog'

export interface Theme {
  /** Accent colour, any CSS colour. */
  color?: string
  /** Corner radius in px. */
  radius?: number
  /** CSS font-family, or "inherit" to use the host page's font. */
  font?: string
  mode?: 'light' | 'dark' | 'auto'
}

export interface Limits {
  /** Most widgets shown per session, across all campaigns. */
  perSession?: number
  /** Quiet seconds after any widget closes before another may show. */
  gapSeconds?: number
}

export interface LingerConfig {
  $schema?: string
  version: 1
  site: string
  endpoint?: string
  format?: DeliveryFormat
  /** Write key / API key for `segment`, `rudderstack`, `posthog` formats. */
  writeKey?: string
  consent?: 'granted' | 'required'
  locale?: string
  theme?: Theme
  limits?: Limits
  /** Cart sources and recovery attribution. */
  cart?: CartSettings
  campaigns: Campaign[]
}

export interface CartSettings {
  /** Read the GA4 data layer (`window.dataLayer` or the named array). Default true. */
  dataLayer?: boolean | string
  /** Opt-in: read Shopify's `/cart.js`. */
  shopify?: boolean
  /** Days after a cart-abandon campaign was shown in which a purchase is attributed to it. Default 5. */
  attributionDays?: number
}

export type CampaignKind = 'popup' | 'nps' | 'csat' | 'push'

export type Trigger =
  | { type: 'exit-intent'; minSeconds?: number; graceMs?: number }
  | {
      type: 'cart-abandon'
      on?: Array<'exit-intent' | 'idle' | 'return'>
      idleSeconds?: number
      returnAfterMinutes?: number
      minValue?: number
      minItems?: number
    }
  | { type: 'time'; seconds: number; scope?: 'page' | 'site' }
  | { type: 'scroll'; percent: number }
  | { type: 'idle'; seconds: number }
  | { type: 'pageview' }
  | { type: 'pageviews'; count: number }
  | { type: 'click'; selector: string }
  | { type: 'event'; name: string }
  | { type: 'manual' }

export type TriggerType = Trigger['type']

/** URL-like rules: exact, prefix with a trailing `*`, or `re:` followed by a regular expression. */
export interface MatchRules {
  include?: string[]
  exclude?: string[]
}

export type Device = 'desktop' | 'mobile' | 'tablet'

export interface Audience {
  url?: MatchRules
  referrer?: MatchRules
  landing?: MatchRules
  utm?: Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string | string[]>>
  device?: Device[]
  visitor?: { type?: 'new' | 'returning'; minVisits?: number; maxVisits?: number }
  locale?: string[]
  schedule?: {
    /** ISO date-times. */
    start?: string
    end?: string
    /** 0 = Sunday … 6 = Saturday, in `timeZone`. */
    days?: number[]
    /** [fromHour, toHour) in `timeZone`, 0–24. */
    hours?: [number, number]
    /** IANA time zone, default the visitor's. */
    timeZone?: string
  }
  /** Percent of visitors (0–100), stable per visitor. */
  sample?: number
  cart?: { minValue?: number; maxValue?: number; minItems?: number; contains?: string[] }
}

export interface Frequency {
  perSession?: number
  total?: number
  afterDismissDays?: number
  afterConvertDays?: number
  /** Show at most once every N page views. */
  everyPageviews?: number
}

export interface Link {
  label: Text
  /** http(s):, mailto:, tel: or relative. Anything else is a config error. */
  href?: string
  action?: 'link' | 'close' | 'copy-coupon' | 'show'
  /** For `action: "show"`: the campaign to open next. */
  campaign?: string
}

export interface PopupContent {
  title?: Text
  body?: Text
  image?: { src: string; alt: Text }
  coupon?: string
  countdown?: { until?: string; minutes?: number; label?: Text }
  cta?: Link
  secondary?: Link
  email?: { placeholder?: Text; submit?: Text; consent?: Text; required?: boolean }
  /** Text of the minimised tab shown before or after the pop-up. */
  teaser?: Text
  success?: { title?: Text; body?: Text }
  /** Show the cart's items (name, image, quantity). */
  items?: boolean
}

export interface PushContent {
  title: Text
  body?: Text
  allow: Text
  deny: Text
}

export type PopupLayout = 'modal' | 'slide-in' | 'bar-top' | 'bar-bottom' | 'sheet' | 'inline'

export interface Variant {
  id: string
  weight: number
  /** Replaces the campaign's `content` (popup, push) for this variant. */
  content?: PopupContent | PushContent
  /** Replaces the question (nps, csat). */
  question?: Text
}

interface CampaignBase {
  id: string
  trigger: Trigger
  audience?: Audience
  frequency?: Frequency
  /** Higher wins when several are eligible at once. Default 0. */
  priority?: number
  variants?: Variant[]
  /** Percent of qualifying visitors held out (not shown) to measure lift. */
  holdout?: number
  enabled?: boolean
}

export interface PopupCampaign extends CampaignBase {
  kind: 'popup'
  layout?: PopupLayout
  position?: 'left' | 'right'
  /** CSS selector for `layout: "inline"`. */
  target?: string
  content: PopupContent
}

export interface NpsCampaign extends CampaignBase {
  kind: 'nps'
  question: Text
  lowLabel?: Text
  highLabel?: Text
  followUp?: { detractor?: Text; passive?: Text; promoter?: Text }
  thanks?: Text
}

export interface CsatCampaign extends CampaignBase {
  kind: 'csat'
  question: Text
  scale?: 3 | 5 | 7
  style?: 'stars' | 'faces' | 'numbers'
  /** Ask for a comment after the score; text is the prompt. */
  comment?: boolean | Text
  thanks?: Text
}

export interface PushCampaign extends CampaignBase {
  kind: 'push'
  vapidPublicKey: string
  serviceWorker?: string
  scope?: string
  content: PushContent
}

export type Campaign = PopupCampaign | NpsCampaign | CsatCampaign | PushCampaign

// ── Events: the envelope lives in wire/, with everything else an endpoint relies on ──

export type { Batch, EventType, LingerEvent } from './wire/event'

export interface CartItem {
  id: string
  name?: string
  price: number
  quantity: number
  image?: string
  url?: string
}

export interface Cart {
  items: CartItem[]
  value: number
  currency: string
}

export interface Order {
  orderId: string
  value: number
  currency: string
  items?: CartItem[]
}

/** A config problem: where, a stable code, and prose for people. */
export interface ConfigIssue {
  /** JSON path, e.g. `campaigns[2].trigger.seconds`. */
  path: string
  code: string
  message: string
}

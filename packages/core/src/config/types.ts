import type {
  audience,
  campaign,
  configDefinition,
  frequency,
  link,
  matchRules,
  popupContent,
  pushContent,
  question,
  text,
  theme,
  trigger,
} from './definition'
import type { Infer } from './schema'

// The config's TypeScript types, derived from the definition (definition.ts): a field added
// there is typed here, checked by the validator and documented in schema.json at once. Field
// help is in docs.ts (editors show it from schema.json).

export type LingerConfig = Infer<typeof configDefinition>
/** Plain text, or per-locale text (`{ "en": "…", "de": "…" }`). Never HTML. */
export type Text = Infer<typeof text>
export type Theme = Infer<typeof theme>
export type Limits = NonNullable<LingerConfig['limits']>
export type CartSettings = NonNullable<LingerConfig['cart']>
export type DeliveryFormat = NonNullable<LingerConfig['format']>

export type Campaign = Infer<typeof campaign>
export type CampaignKind = Campaign['kind']
export type PopupCampaign = Extract<Campaign, { kind: 'popup' }>
export type NpsCampaign = Extract<Campaign, { kind: 'nps' }>
export type CsatCampaign = Extract<Campaign, { kind: 'csat' }>
export type PushCampaign = Extract<Campaign, { kind: 'push' }>
/** A multi-question survey with branching (`kind: "survey"`). */
export type SurveyCampaign = Extract<Campaign, { kind: 'survey' }>
/** One question of a survey flow. */
export type Question = Infer<typeof question>
export type QuestionType = Question['type']
export type PopupLayout = NonNullable<PopupCampaign['layout']>
/** One A/B variant, of any kind (each kind's `variants` says what its variants may replace). */
export type Variant = Merged<NonNullable<Campaign['variants']>[number]>

type KeysOf<U> = U extends unknown ? keyof U : never
type ValueOf<U, K extends PropertyKey> = U extends { [k in K]?: infer V } ? V : never
/** A union of object types seen as one: keys that only some members have are optional. */
type Merged<U> = { [K in keyof U]: U[K] } & { [K in Exclude<KeysOf<U>, keyof U>]?: ValueOf<U, K> }

export type Trigger = Infer<typeof trigger>
export type TriggerType = Trigger['type']
/** URL-like rules: exact, prefix with a trailing `*`, or `re:` followed by a regular expression. */
export type MatchRules = Infer<typeof matchRules>
export type Audience = Infer<typeof audience>
export type Device = NonNullable<Audience['device']>[number]
export type Frequency = Infer<typeof frequency>
export type Link = Infer<typeof link>
export type PopupContent = Infer<typeof popupContent>
export type PushContent = Infer<typeof pushContent>

/** A config problem: where, a stable code, and prose for people. */
export interface ConfigIssue {
  /** JSON path, e.g. `campaigns[2].trigger.seconds`. */
  path: string
  code: string
  message: string
}

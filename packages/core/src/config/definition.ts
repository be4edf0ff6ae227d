import { CSS_SYNTAX } from './cssSyntax'
import { MAX_CAMPAIGNS, pageFields } from './pageFields'
import { arr, bool, num, obj, oneOf, record, type SchemaNode, str, tagged, union } from './schema'

// The config, described once: the validator checks it, config/types.ts derives the TypeScript
// types from it, toJsonSchema turns it into schema.json and the README reference. Field help
// lives beside it in docs.ts, which only the schema build imports (none of it ships).

export const id = str({ max: 64, pattern: /^[\w-]+$/ })
/** Plain text, or per-locale text keyed by a language tag. */
export const text = union([str(), record(str(), { key: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ })])
const count = num({ min: 0, int: true })
const positive = num({ min: 1, int: true })
const amount = num({ min: 0 })
const percent = num({ min: 0, max: 100 })
const date = str({ max: 64, format: 'date' })
const short = str({ max: 200 })
const selector = str({ min: 1, max: 500 })
const rules = arr(str({ max: 300, format: 'match' }))

export const matchRules = obj({ include: rules, exclude: rules })

export const link = obj(
  {
    label: text,
    href: str({ format: 'href' }),
    action: oneOf(['link', 'close', 'copy-coupon', 'show']),
    campaign: id,
  },
  { required: ['label'] },
)

export const popupContent = obj({
  title: text,
  body: text,
  image: obj({ src: str({ format: 'href' }), alt: text }, { required: ['src', 'alt'] }),
  coupon: str({ max: 64 }),
  countdown: obj({ until: date, minutes: amount, label: text }),
  cta: link,
  secondary: link,
  email: obj({ placeholder: text, submit: text, consent: text, required: bool() }),
  teaser: text,
  success: obj({ title: text, body: text }),
  items: bool(),
})

export const pushContent = obj(
  { title: text, body: text, allow: text, deny: text },
  { required: ['title', 'allow', 'deny'] },
)

const utm = union([short, arr(short)])

export const audience = obj({
  url: matchRules,
  referrer: matchRules,
  landing: matchRules,
  utm: obj({ source: utm, medium: utm, campaign: utm, term: utm, content: utm }),
  device: arr(oneOf(['desktop', 'mobile', 'tablet']), { max: 3 }),
  visitor: obj({ type: oneOf(['new', 'returning']), minVisits: count, maxVisits: count }),
  locale: arr(str({ max: 35 })),
  schedule: obj({
    start: date,
    end: date,
    days: arr(num({ min: 0, max: 6, int: true }), { max: 7 }),
    hours: arr(num({ min: 0, max: 24 }), { min: 2, max: 2 }),
    timeZone: str({ max: 64, format: 'tz' }),
  }),
  sample: percent,
  cart: obj({ minValue: amount, maxValue: amount, minItems: count, contains: arr(short) }),
  survey: obj({
    nps: arr(oneOf(['detractor', 'passive', 'promoter']), { max: 3 }),
    csat: obj({ min: num({ min: 1, max: 5 }), max: num({ min: 1, max: 5 }) }),
    withinDays: amount,
  }),
})

export const frequency = obj({
  perSession: count,
  total: count,
  afterDismissDays: amount,
  afterConvertDays: amount,
  everyPageviews: positive,
  everyDays: amount,
  maxResponses: positive,
})

export const trigger = tagged('type', {
  'exit-intent': obj({ minSeconds: num({ min: 0, default: 3 }), graceMs: num({ min: 0, default: 30 }) }),
  'cart-abandon': obj({
    on: arr(oneOf(['exit-intent', 'idle', 'return']), { max: 3 }),
    idleSeconds: num({ min: 0, default: 30 }),
    returnAfterMinutes: amount,
    minValue: amount,
    minItems: count,
  }),
  time: obj({ seconds: amount, scope: oneOf(['page', 'site']) }, { required: ['seconds'] }),
  scroll: obj({ percent }, { required: ['percent'] }),
  idle: obj({ seconds: amount }, { required: ['seconds'] }),
  pageview: obj({}),
  pageviews: obj({ count: positive }, { required: ['count'] }),
  click: obj({ selector }, { required: ['selector'] }),
  event: obj({ name: str({ min: 1, max: 200 }) }, { required: ['name'] }),
  manual: obj({}),
})

/** Where a flow goes after a question: a question id, or `end`. */
const step = id
const choices = {
  choices: arr(obj({ id, label: text }, { required: ['id', 'label'] }), { min: 2, max: 20, unique: 'id' }),
  other: union([bool(), text]),
  shuffle: bool({ default: false }),
}
/** One question of a `survey` flow; `next` is a step, or a step by answer (checked in checkSurveyFlows.ts). */
const ask = <P extends Record<string, SchemaNode>, R extends keyof P & string = never>(
  props: P,
  ...required: R[]
) =>
  obj(
    { id, question: text, next: union([step, record(step, { key: /^[\w-]+$/ })]), ...props },
    { required: ['id', 'question', ...required] },
  )
export const question = tagged('type', {
  nps: ask({ lowLabel: text, highLabel: text }),
  csat: ask({
    scale: oneOf([3, 5, 7], { default: 5 }),
    style: oneOf(['stars', 'faces', 'numbers'], { default: 'stars' }),
  }),
  ces: ask({ lowLabel: text, highLabel: text }),
  single: ask(choices, 'choices'),
  multi: ask(choices, 'choices'),
  text: ask({ maxLength: num({ min: 1, max: 2000, int: true, default: 500 }), placeholder: text }),
})
const questions = arr(question, { min: 1, max: 20, unique: 'id' })

/** Variants of one campaign kind: what each may replace differs by kind. */
const variants = <R extends Record<string, SchemaNode>>(replaces: R) =>
  arr(obj({ id, weight: num({ gt: 0 }), ...replaces }, { required: ['id', 'weight'] }), {
    max: 20,
    unique: 'id',
  })

const base = {
  id,
  trigger,
  audience,
  frequency,
  priority: num({ default: 0 }),
  holdout: num({ min: 0, max: 100, default: 0 }),
  enabled: bool({ default: true }),
}
const survey = { ...base, question: text, variants: variants({ question: text }), thanks: text }
const campaignOf = <P extends typeof base, R extends keyof P & string>(props: P, ...required: R[]) =>
  obj(props, { required: ['id', 'trigger', ...required] })

export const campaign = tagged('kind', {
  popup: campaignOf(
    {
      ...base,
      variants: variants({ content: popupContent }),
      layout: oneOf(['modal', 'slide-in', 'bar-top', 'bar-bottom', 'sheet', 'inline'], { default: 'modal' }),
      position: oneOf(['left', 'right']),
      target: selector,
      content: popupContent,
    },
    'content',
  ),
  nps: campaignOf(
    {
      ...survey,
      lowLabel: text,
      highLabel: text,
      followUp: obj({ detractor: text, passive: text, promoter: text }),
    },
    'question',
  ),
  csat: campaignOf(
    {
      ...survey,
      scale: oneOf([3, 5, 7]),
      style: oneOf(['stars', 'faces', 'numbers']),
      comment: union([bool(), text]),
    },
    'question',
  ),
  survey: campaignOf(
    {
      ...base,
      variants: variants({ questions }),
      display: oneOf(['popup', 'inline', 'tab'], { default: 'popup' }),
      position: oneOf(['left', 'right']),
      target: selector,
      tab: text,
      questions,
      thanks: obj({ title: text, body: text }),
    },
    'questions',
  ),
  push: campaignOf(
    {
      ...base,
      variants: variants({ content: pushContent }),
      vapidPublicKey: str({ min: 1, max: 200 }),
      serviceWorker: pageFields.endpoint,
      scope: pageFields.endpoint,
      content: pushContent,
    },
    'vapidPublicKey',
    'content',
  ),
})

export const theme = obj({
  // Colour and font end up in CSS: values only, nothing that loads or breaks out (cssSyntax.ts).
  color: str({ max: 64, format: 'color', default: '#4f46e5' }),
  radius: num({ min: 0, max: 100, default: 12 }),
  font: str({ max: 200, pattern: CSS_SYNTAX.font }),
  mode: oneOf(['light', 'dark', 'auto'], { default: 'auto' }),
})

/** The whole config, v1. Lenient at the top: a broken optional field or campaign is dropped and reported. */
export const configDefinition = obj(
  {
    $schema: str({ max: 500 }),
    $stamp: str({ max: 64 }),
    ...pageFields,
    locale: str({ max: 35 }),
    theme,
    limits: obj({ perSession: count, gapSeconds: amount, surveyGapDays: amount }),
    cart: obj({
      dataLayer: union([bool(), str({ max: 100, pattern: /^[A-Za-z_$][\w$]*$/ })], { default: true }),
      shopify: bool({ default: false }),
      attributionDays: num({ min: 0, default: 5 }),
    }),
    campaigns: arr(campaign, { max: MAX_CAMPAIGNS, unique: 'id', lenient: true }),
  },
  { required: ['version', 'site', 'campaigns'], lenient: true },
)

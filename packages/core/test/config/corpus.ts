/**
 * Malformed and hostile configs, each with the exact issue (path and code) it must yield and
 * what must survive it. corpus.test.ts runs them through validateConfig, schema.test.ts
 * through the JSON Schema.
 */
import { redos } from './redos'

export interface CorpusEntry {
  name: string
  input: unknown
  path: string
  code: string
  /**
   * `fatal`: no usable config. `campaign`: the campaign at index 1 is dropped, its valid
   * siblings `ok-a` and `ok-b` run. `field`: the top-level field is dropped, the rest runs.
   */
  effect: 'fatal' | 'campaign' | 'field'
  /** The JSON Schema cannot see this one (it needs code: time zones, regex safety, references…). */
  schemaMisses?: boolean
}

const sibling = (id: string) => ({ id, kind: 'nps', trigger: { type: 'time', seconds: 5 }, question: 'Q?' })
const config = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  site: 'demo-shop',
  campaigns: [sibling('ok-a'), sibling('ok-b')],
  ...extra,
})
/** A config whose campaign at index 1 is `c`, between two valid ones. */
const withCampaign = (c: unknown) => ({
  version: 1,
  site: 'demo-shop',
  campaigns: [sibling('ok-a'), c, sibling('ok-b')],
})

const popup = (over: Record<string, unknown> = {}, content: Record<string, unknown> = {}) => ({
  id: 'bad',
  kind: 'popup',
  trigger: { type: 'exit-intent' },
  content: { title: 'Hi', ...content },
  ...over,
})
const nps = (over: Record<string, unknown> = {}) => ({ ...sibling('bad'), ...over })
const trig = (trigger: unknown) => nps({ trigger })
const aud = (audience: unknown) => nps({ audience })
const urlRule = (rule: string) => aud({ url: { include: [rule] } })
const cta = (link: Record<string, unknown>) => popup({}, { cta: { label: 'Go', ...link } })
const push = (over: Record<string, unknown> = {}, content: Record<string, unknown> = {}) => ({
  id: 'bad',
  kind: 'push',
  trigger: { type: 'pageview' },
  vapidPublicKey: 'BKey',
  content: { title: 'Alerts?', allow: 'Yes', deny: 'No', ...content },
  ...over,
})

const fatal = (name: string, input: unknown, path: string, code: string): CorpusEntry => ({
  name,
  input,
  path,
  code,
  effect: 'fatal',
})
const field = (
  name: string,
  extra: Record<string, unknown>,
  path: string,
  code: string,
  schemaMisses = false,
) => ({
  name,
  input: config(extra),
  path,
  code,
  effect: 'field' as const,
  schemaMisses,
})
const camp = (name: string, c: unknown, path: string, code: string, schemaMisses = false): CorpusEntry => ({
  name,
  input: withCampaign(c),
  path: `campaigns[1]${path}`,
  code,
  effect: 'campaign',
  schemaMisses,
})

const js = 'javascript:alert(document.cookie)'

export const corpus: CorpusEntry[] = [
  // ── unusable configs ──
  fatal('null', null, '', 'type'),
  fatal('an array', [config()], '', 'type'),
  fatal('a JSON string instead of an object', JSON.stringify(config()), '', 'type'),
  fatal('a number', 42, '', 'type'),
  fatal('version missing', { site: 's', campaigns: [] }, 'version', 'required'),
  fatal('version 2', config({ version: 2 }), 'version', 'enum'),
  fatal('version as a string', config({ version: '1' }), 'version', 'enum'),
  fatal('site missing', { version: 1, campaigns: [] }, 'site', 'required'),
  fatal('site empty', config({ site: '' }), 'site', 'pattern'),
  fatal('site with spaces', config({ site: 'my shop' }), 'site', 'pattern'),
  fatal('site too long', config({ site: 's'.repeat(65) }), 'site', 'length'),
  fatal('site a number', config({ site: 7 }), 'site', 'type'),
  fatal('campaigns missing', { version: 1, site: 's' }, 'campaigns', 'required'),
  fatal('campaigns an object', config({ campaigns: { a: sibling('a') } }), 'campaigns', 'type'),
  fatal(
    'campaigns too many',
    config({ campaigns: Array.from({ length: 101 }, (_, i) => sibling(`c${i}`)) }),
    'campaigns',
    'length',
  ),

  // ── broken optional top-level fields ──
  field('theme a string', { theme: 'dark' }, 'theme', 'type'),
  // CSS values are values: nothing that loads a URL or leaves the declaration (issue 25, finding 4).
  ...[
    'red;}body{display:none',
    'url("https://evil.example/x")',
    'url(//tracker.example/pixel.png)',
    'image-set("//tracker.example/a.png" 1x)',
    'var(--x)',
    'expression(alert(1))',
    '@import "//tracker.example/x.css"',
    'rgb(var(--x), 0, 0)',
    'rgb(0 0 0) url(x)',
    'red}',
  ].map((color) => field(`theme colour ${color}`, { theme: { color } }, 'theme.color', 'color')),
  field('theme colour not a colour name', { theme: { color: 'sparkly' } }, 'theme.color', 'color', true),
  field('theme colour #12345 (five digits)', { theme: { color: '#12345' } }, 'theme.color', 'color', true),
  field(
    'theme font with url()',
    { theme: { font: 'url(//tracker.example/f.woff)' } },
    'theme.font',
    'pattern',
  ),
  field('theme font with a brace', { theme: { font: 'Arial}' } }, 'theme.font', 'pattern'),
  field('theme radius as CSS', { theme: { radius: '1px;background:url(x)' } }, 'theme.radius', 'type'),
  field('theme radius negative', { theme: { radius: -1 } }, 'theme.radius', 'range'),
  field('theme mode unknown', { theme: { mode: 'sepia' } }, 'theme.mode', 'enum'),
  field('theme font with a semicolon', { theme: { font: 'x; color: red' } }, 'theme.font', 'pattern'),
  field('theme unknown key', { theme: { shadow: true } }, 'theme.shadow', 'unknown'),
  field('limits perSession fractional', { limits: { perSession: 1.5 } }, 'limits.perSession', 'int'),
  field('limits gapSeconds negative', { limits: { gapSeconds: -5 } }, 'limits.gapSeconds', 'range'),
  field('endpoint javascript:', { endpoint: js }, 'endpoint', 'url'),
  field('endpoint ftp:', { endpoint: 'ftp://collect.example.com' }, 'endpoint', 'url'),
  field('endpoint mailto: (a link, not an endpoint)', { endpoint: 'mailto:a@b.c' }, 'endpoint', 'url'),
  field('format unknown', { format: 'amplitude' }, 'format', 'enum'),
  field('consent unknown', { consent: 'yes' }, 'consent', 'enum'),
  field(
    'cart dataLayer not an identifier',
    { cart: { dataLayer: 'window.dataLayer' } },
    'cart.dataLayer',
    'pattern',
  ),
  field('cart dataLayer a number', { cart: { dataLayer: 1 } }, 'cart.dataLayer', 'type'),
  field(
    'cart attributionDays NaN',
    { cart: { attributionDays: Number.NaN } },
    'cart.attributionDays',
    'type',
    true,
  ),
  field('cart shopify a string', { cart: { shopify: 'yes' } }, 'cart.shopify', 'type'),
  field('unknown top-level key (typo)', { campaign: [] }, 'campaign', 'unknown'),
  field('locale a number', { locale: 42 }, 'locale', 'type'),
  field('writeKey huge', { writeKey: 'k'.repeat(501) }, 'writeKey', 'length'),
  field('$schema a number', { $schema: 5 }, '$schema', 'type'),
  {
    name: '__proto__ at the top (JSON.parse)',
    input: JSON.parse(JSON.stringify(config()).replace('{', '{"__proto__":{"polluted":true},')),
    path: '__proto__',
    code: 'proto',
    effect: 'field',
  },

  // ── campaign shape ──
  camp('campaign a string', 'nps', '', 'type'),
  camp('campaign null', null, '', 'type'),
  camp('campaign an array', [nps()], '', 'type'),
  camp('kind missing', { id: 'bad', trigger: { type: 'pageview' } }, '.kind', 'required'),
  camp('kind unknown', nps({ kind: 'banner' }), '.kind', 'enum'),
  camp('kind a number', nps({ kind: 5 }), '.kind', 'enum'),
  camp('kind __proto__', nps({ kind: '__proto__' }), '.kind', 'enum'),
  camp('kind constructor', nps({ kind: 'constructor' }), '.kind', 'enum'),
  camp('id missing', { kind: 'nps', trigger: { type: 'pageview' }, question: 'Q' }, '.id', 'required'),
  camp('id with spaces', nps({ id: 'my campaign' }), '.id', 'pattern'),
  camp('id too long', nps({ id: 'i'.repeat(65) }), '.id', 'length'),
  camp('id empty', nps({ id: '' }), '.id', 'pattern'),
  camp('id a number', nps({ id: 3 }), '.id', 'type'),
  camp('id duplicate', nps({ id: 'ok-a' }), '.id', 'duplicate', true),
  camp('unknown key (typo)', nps({ triger: { type: 'pageview' } }), '.triger', 'unknown'),
  camp('priority a string', nps({ priority: 'high' }), '.priority', 'type'),
  camp('enabled a string', nps({ enabled: 'yes' }), '.enabled', 'type'),
  camp('holdout over 100', nps({ holdout: 100.5 }), '.holdout', 'range'),
  camp('holdout NaN', nps({ holdout: Number.NaN }), '.holdout', 'type', true),
  camp('huge text', nps({ question: 'q'.repeat(1_000_000) }), '.question', 'length'),

  // ── triggers ──
  camp('trigger missing', { id: 'bad', kind: 'nps', question: 'Q' }, '.trigger', 'required'),
  camp('trigger a string', trig('exit-intent'), '.trigger', 'type'),
  camp('trigger type unknown', trig({ type: 'hover' }), '.trigger.type', 'enum'),
  camp('trigger type missing', trig({ seconds: 5 }), '.trigger.type', 'required'),
  camp('time seconds with a unit', trig({ type: 'time', seconds: '20s' }), '.trigger.seconds', 'type'),
  camp('time seconds negative', trig({ type: 'time', seconds: -1 }), '.trigger.seconds', 'range'),
  camp('time seconds missing', trig({ type: 'time' }), '.trigger.seconds', 'required'),
  camp(
    'time seconds Infinity',
    trig({ type: 'time', seconds: Number.POSITIVE_INFINITY }),
    '.trigger.seconds',
    'type',
    true,
  ),
  camp('time scope unknown', trig({ type: 'time', seconds: 1, scope: 'tab' }), '.trigger.scope', 'enum'),
  camp('scroll percent over 100', trig({ type: 'scroll', percent: 150 }), '.trigger.percent', 'range'),
  camp('pageviews count 0', trig({ type: 'pageviews', count: 0 }), '.trigger.count', 'range'),
  camp('pageviews count fractional', trig({ type: 'pageviews', count: 2.5 }), '.trigger.count', 'int'),
  camp('click selector empty', trig({ type: 'click', selector: '' }), '.trigger.selector', 'length'),
  camp('event name missing', trig({ type: 'event' }), '.trigger.name', 'required'),
  camp(
    'cart-abandon on unknown moment',
    trig({ type: 'cart-abandon', on: ['exit'] }),
    '.trigger.on[0]',
    'enum',
  ),
  camp(
    'cart-abandon minValue negative',
    trig({ type: 'cart-abandon', minValue: -1 }),
    '.trigger.minValue',
    'range',
  ),
  camp('manual with a stray key', trig({ type: 'manual', seconds: 3 }), '.trigger.seconds', 'unknown'),
  camp(
    'exit-intent minSeconds a string',
    trig({ type: 'exit-intent', minSeconds: '5' }),
    '.trigger.minSeconds',
    'type',
  ),
  camp(
    'exit-intent graceMs negative',
    trig({ type: 'exit-intent', graceMs: -30 }),
    '.trigger.graceMs',
    'range',
  ),

  // ── audience ──
  camp('url include a string', aud({ url: { include: '/cart' } }), '.audience.url.include', 'type'),
  // Known ReDoS shapes (redos.ts), each refused with the rule's path.
  ...redos.map(({ src, shape }) =>
    camp(`regex ${shape}: ${src}`, urlRule(`re:${src}`), '.audience.url.include[0]', 'redos', true),
  ),
  camp('regex that does not compile: [', urlRule('re:['), '.audience.url.include[0]', 'regex', true),
  camp(
    'regex that does not compile: (',
    urlRule('re:/p/(unclosed'),
    '.audience.url.include[0]',
    'regex',
    true,
  ),
  camp(
    'regex over 200 characters',
    urlRule(`re:${'a'.repeat(201)}`),
    '.audience.url.include[0]',
    'regex',
    true,
  ),
  camp(
    'referrer exclude catastrophic',
    aud({ referrer: { exclude: ['re:(\\d+)+$'] } }),
    '.audience.referrer.exclude[0]',
    'redos',
    true,
  ),
  camp('landing unknown key', aud({ landing: { contains: ['/'] } }), '.audience.landing.contains', 'unknown'),
  camp('device unknown', aud({ device: ['watch'] }), '.audience.device[0]', 'enum'),
  camp('sample over 100', aud({ sample: 101 }), '.audience.sample', 'range'),
  camp('sample negative', aud({ sample: -1 }), '.audience.sample', 'range'),
  camp(
    'time zone unknown',
    aud({ schedule: { timeZone: 'Mars/Olympus_Mons' } }),
    '.audience.schedule.timeZone',
    'tz',
    true,
  ),
  camp(
    'time zone offset',
    aud({ schedule: { timeZone: 'UTC+25' } }),
    '.audience.schedule.timeZone',
    'tz',
    true,
  ),
  camp(
    'schedule start in words',
    aud({ schedule: { start: 'tomorrow' } }),
    '.audience.schedule.start',
    'date',
  ),
  camp(
    'schedule end impossible date',
    aud({ schedule: { end: '2026-13-45T00:00:00Z' } }),
    '.audience.schedule.end',
    'date',
    true,
  ),
  camp('schedule day 7', aud({ schedule: { days: [1, 7] } }), '.audience.schedule.days[1]', 'range'),
  camp('schedule hours one number', aud({ schedule: { hours: [9] } }), '.audience.schedule.hours', 'length'),
  camp('visitor type unknown', aud({ visitor: { type: 'old' } }), '.audience.visitor.type', 'enum'),
  camp(
    'visitor minVisits negative',
    aud({ visitor: { minVisits: -2 } }),
    '.audience.visitor.minVisits',
    'range',
  ),
  camp('utm source a number', aud({ utm: { source: 5 } }), '.audience.utm.source', 'type'),
  camp('utm unknown parameter', aud({ utm: { gclid: 'x' } }), '.audience.utm.gclid', 'unknown'),
  camp('cart contains a string', aud({ cart: { contains: 'sku' } }), '.audience.cart.contains', 'type'),
  camp('audience an array', aud([]), '.audience', 'type'),
  camp(
    'frequency perSession negative',
    nps({ frequency: { perSession: -1 } }),
    '.frequency.perSession',
    'range',
  ),
  camp(
    'frequency everyPageviews 0',
    nps({ frequency: { everyPageviews: 0 } }),
    '.frequency.everyPageviews',
    'range',
  ),

  // ── popup content ──
  camp(
    'popup content missing',
    { id: 'bad', kind: 'popup', trigger: { type: 'pageview' } },
    '.content',
    'required',
  ),
  camp('title a number', popup({}, { title: 5 }), '.content.title', 'type'),
  camp('title an empty locale map', popup({}, { title: {} }), '.content.title', 'length'),
  camp('title locale value a number', popup({}, { title: { en: 5 } }), '.content.title.en', 'type'),
  camp(
    'title locale key not a language tag',
    popup({}, { title: { 'english!': 'Hi' } }),
    '.content.title.english!',
    'pattern',
  ),
  camp('title over 2,000 characters', popup({}, { title: 't'.repeat(2001) }), '.content.title', 'length'),
  camp('cta href javascript:', cta({ href: js }), '.content.cta.href', 'href'),
  camp('cta href mixed case', cta({ href: 'JaVaScRiPt:alert(1)' }), '.content.cta.href', 'href'),
  camp('cta href leading spaces', cta({ href: '   javascript:alert(1)' }), '.content.cta.href', 'href'),
  camp(
    'cta href tab inside the scheme',
    cta({ href: 'java\tscript:alert(1)' }),
    '.content.cta.href',
    'href',
    true,
  ),
  camp(
    'cta href newline inside the scheme',
    cta({ href: 'java\nscript:alert(1)' }),
    '.content.cta.href',
    'href',
    true,
  ),
  camp(
    'cta href NUL before the scheme',
    cta({ href: '\u0000javascript:alert(1)' }),
    '.content.cta.href',
    'href',
  ),
  camp(
    'cta href data:',
    cta({ href: 'data:text/html,<script>alert(1)</script>' }),
    '.content.cta.href',
    'href',
  ),
  camp('cta href vbscript:', cta({ href: 'vbscript:msgbox(1)' }), '.content.cta.href', 'href'),
  camp(
    'cta href entity-encoded j',
    cta({ href: '&#106;avascript:alert(1)' }),
    '.content.cta.href',
    'href',
    true,
  ),
  camp(
    'cta href &colon; entity',
    cta({ href: 'javascript&colon;alert(1)' }),
    '.content.cta.href',
    'href',
    true,
  ),
  camp('cta href file:', cta({ href: 'file:///etc/passwd' }), '.content.cta.href', 'href'),
  camp(
    'secondary href data:',
    popup({}, { secondary: { label: 'x', href: 'data:,x' } }),
    '.content.secondary.href',
    'href',
  ),
  camp('image src javascript:', popup({}, { image: { src: js, alt: 'x' } }), '.content.image.src', 'href'),
  camp('image alt missing', popup({}, { image: { src: '/a.png' } }), '.content.image.alt', 'required'),
  camp('cta label missing', popup({}, { cta: { href: '/' } }), '.content.cta.label', 'required'),
  camp('cta action unknown', cta({ action: 'submit' }), '.content.cta.action', 'enum'),
  camp(
    'cta shows a campaign that does not exist',
    cta({ action: 'show', campaign: 'nope' }),
    '.content.cta.campaign',
    'ref',
    true,
  ),
  camp(
    'cta action show without a campaign',
    cta({ action: 'show' }),
    '.content.cta.campaign',
    'required',
    true,
  ),
  camp('coupon too long', popup({}, { coupon: 'C'.repeat(65) }), '.content.coupon', 'length'),
  camp(
    'countdown until in words',
    popup({}, { countdown: { until: 'soon' } }),
    '.content.countdown.until',
    'date',
  ),
  camp(
    'email required a string',
    popup({}, { email: { required: 'true' } }),
    '.content.email.required',
    'type',
  ),
  camp('content with push fields', popup({}, { allow: 'Yes' }), '.content.allow', 'unknown'),
  camp('layout unknown', popup({ layout: 'popover' }), '.layout', 'enum'),
  camp('position unknown', popup({ position: 'center' }), '.position', 'enum'),
  camp('target empty', popup({ target: '' }), '.target', 'length'),

  // ── variants ──
  camp('variant weight 0', popup({ variants: [{ id: 'a', weight: 0 }] }), '.variants[0].weight', 'range'),
  camp(
    'variant weight negative',
    popup({ variants: [{ id: 'a', weight: -10 }] }),
    '.variants[0].weight',
    'range',
  ),
  camp('variant weight missing', popup({ variants: [{ id: 'a' }] }), '.variants[0].weight', 'required'),
  camp(
    'variant ids repeated',
    popup({
      variants: [
        { id: 'a', weight: 1 },
        { id: 'a', weight: 1 },
      ],
    }),
    '.variants[1].id',
    'duplicate',
    true,
  ),
  camp(
    'variant link javascript:',
    popup({ variants: [{ id: 'a', weight: 1, content: { cta: { label: 'x', href: js } } }] }),
    '.variants[0].content.cta.href',
    'href',
  ),
  camp(
    'variant shows a missing campaign',
    popup({
      variants: [
        { id: 'a', weight: 1, content: { secondary: { label: 'x', action: 'show', campaign: 'gone' } } },
      ],
    }),
    '.variants[0].content.secondary.campaign',
    'ref',
    true,
  ),
  camp(
    'variant question on a popup',
    popup({ variants: [{ id: 'a', weight: 1, question: 'Q' }] }),
    '.variants[0].question',
    'unknown',
  ),
  camp(
    'too many variants',
    popup({ variants: Array.from({ length: 21 }, (_, i) => ({ id: `v${i}`, weight: 1 })) }),
    '.variants',
    'length',
  ),

  // ── surveys and push ──
  camp(
    'nps question missing',
    { id: 'bad', kind: 'nps', trigger: { type: 'pageview' } },
    '.question',
    'required',
  ),
  camp('nps followUp unknown bucket', nps({ followUp: { neutral: 'Hm?' } }), '.followUp.neutral', 'unknown'),
  camp('csat scale 4', { ...nps({ kind: 'csat' }), scale: 4 }, '.scale', 'enum'),
  camp('csat style unknown', { ...nps({ kind: 'csat' }), style: 'emoji' }, '.style', 'enum'),
  camp('csat comment a number', { ...nps({ kind: 'csat' }), comment: 5 }, '.comment', 'type'),
  camp('nps with a csat field', nps({ scale: 5 }), '.scale', 'unknown'),
  camp('push key missing', { ...push(), vapidPublicKey: undefined }, '.vapidPublicKey', 'required'), // undefined counts as absent
  camp('push allow missing', push({}, { allow: undefined }), '.content.allow', 'required'),
  camp('push service worker javascript:', push({ serviceWorker: js }), '.serviceWorker', 'url'),
  camp(
    'push variant with popup content',
    push({ variants: [{ id: 'a', weight: 1, content: { coupon: 'X' } }] }),
    '.variants[0].content.coupon',
    'unknown',
  ),

  // ── prototype pollution ──
  camp(
    '__proto__ in a campaign (JSON.parse)',
    JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(nps()).slice(1)}`),
    '.__proto__',
    'proto',
  ),
  camp(
    'constructor in content',
    popup({}, { constructor: { prototype: { polluted: 1 } } }),
    '.content.constructor',
    'proto',
  ),
  camp(
    'prototype as a locale key',
    popup({}, { title: { prototype: 'x' } }),
    '.content.title.prototype',
    'proto',
  ),
  camp(
    '__proto__ as a locale key (JSON.parse)',
    popup({}, { title: JSON.parse('{"__proto__":"x"}') }),
    '.content.title.__proto__',
    'proto',
  ),
  camp(
    '__proto__ in a trigger (JSON.parse)',
    trig(JSON.parse('{"type":"pageview","__proto__":{"polluted":1}}')),
    '.trigger.__proto__',
    'proto',
  ),
]

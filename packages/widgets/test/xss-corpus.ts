// Payloads that would run `window.__xss = 1` (or inject markup) if a widget ever treated
// marketer text, a `{{variable}}` value or a URL as HTML or script. Shared by the happy-dom
// tests (xss.test.tsx) and the Chromium spec (e2e/tests/widgets-xss.spec.ts).
import type { Campaign } from '@linger/core/types'

export const xssCorpus: string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '" onmouseover="window.__xss=1',
  "' onfocus='window.__xss=1' autofocus='",
  '</textarea><script>window.__xss=1</script>',
  '</style><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror=window.__xss=1></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>x</marquee>',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<link rel=stylesheet href="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
  '<style>*{background:url("javascript:window.__xss=1")}</style>',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  ' javascript:window.__xss=1',
  'java\tscript:window.__xss=1',
  'java\nscript:window.__xss=1',
  '\u0000javascript:window.__xss=1',
  'javascript&colon;window.__xss=1',
  'javascript:/*--></title></style></textarea></script><svg/onload=window.__xss=1>',
  'data:text/html,<script>window.__xss=1</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
  'vbscript:window.__xss=1',
  '{{__proto__}}{{constructor}}{{constructor.constructor}}',
  '{{x}}<img src=x onerror=window.__xss=1>{{y}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is a literal template string on purpose.
  '${window.__xss=1}',
  'red;}</style><script>window.__xss=1</script>',
  '\u202e<script>window.__xss=1</script>',
]

/** Every kind of campaign with `p` in each text field, URL and `{{v}}` variable slot. */
export function xssCampaigns(p: string): Campaign[] {
  const t = `${p}{{v}}`
  const trigger = { type: 'manual' } as const
  const content = {
    title: t,
    body: { en: t, de: t },
    image: { src: p, alt: t },
    coupon: t,
    countdown: { minutes: 5, label: t },
    cta: { label: t, href: p },
    secondary: { label: t, href: `{{v}}` },
    email: { placeholder: t, submit: t, consent: t },
    teaser: t,
    success: { title: t, body: t },
    items: true,
  }
  return [
    ...(['modal', 'slide-in', 'bar-top', 'inline'] as const).map(
      (layout) => ({ id: 'x', kind: 'popup', trigger, layout, target: '#slot', content }) as Campaign,
    ),
    {
      id: 'x',
      kind: 'popup',
      trigger,
      content: { ...content, cta: { label: t, action: 'show', campaign: p } },
    },
    {
      id: 'x',
      kind: 'nps',
      trigger,
      question: t,
      lowLabel: t,
      highLabel: t,
      followUp: { detractor: t, passive: t, promoter: t },
      thanks: t,
    },
    { id: 'x', kind: 'csat', trigger, question: t, style: 'faces', comment: t, thanks: t },
    { id: 'x', kind: 'push', trigger, vapidPublicKey: p, content: { title: t, body: t, allow: t, deny: t } },
  ]
}

/** What the host gives alongside: the payload as a variable and as cart item fields. */
export const xssHost = (p: string) => ({
  locale: 'en',
  vars: { v: p },
  cartItems: [{ id: p, name: p, price: 1, quantity: 1, image: p, url: p }],
})

/** Tag names and counts in a shadow root, to compare a payload render with a clean one. */
export function tagCounts(root: ParentNode): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const el of root.querySelectorAll('*')) counts[el.tagName] = (counts[el.tagName] ?? 0) + 1
  return counts
}

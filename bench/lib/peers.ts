import { stampConfig } from '../../packages/core/src/config/stampConfig'
import { snippet } from '../../packages/embed/src/snippet'

/** One script under test: what it downloads and the HTML that loads it on the product page. */
export interface Script {
  id: string
  label: string
  /** Files (repo-relative) a page downloads before any widget shows, per the package's docs. */
  initial: string[]
  /** Extra files once a survey shows (undefined: not in the npm package). */
  survey?: string[]
  /** HTML for the page's <head>; `origin` is the local server. */
  head(origin: string): string
  /** HTML at the end of <body>. */
  body?: string
}

const nm = 'bench/node_modules'
const peer = (file: string) => `/peer/${file}`

/**
 * Linger's config for the bench: an exit-intent pop-up and an NPS survey (shown on command),
 * stamped as `linger validate --write` leaves it, so the page skips the validator chunk.
 */
export const lingerConfig = (endpoint: string) =>
  stampConfig({
    version: 1,
    site: 'bench',
    endpoint,
    campaigns: [
      {
        id: 'exit-offer',
        kind: 'popup',
        trigger: { type: 'exit-intent' },
        content: {
          title: 'Wait — 10% off',
          coupon: 'WELCOME10',
          cta: { label: 'Shop now', action: 'close' },
        },
      },
      {
        id: 'nps',
        kind: 'nps',
        trigger: { type: 'manual' },
        question: 'How likely are you to recommend us to a friend?',
      },
    ],
  }).config!

export const linger: Script = {
  id: 'linger',
  label: 'Linger (linger.js)',
  // The campaigns chunk loads right after the page view whenever a campaign is configured.
  initial: ['packages/embed/dist/linger.js', 'packages/embed/dist/linger-campaigns.js'],
  survey: ['packages/embed/dist/linger-widgets.js'],
  head: () => snippet({ src: '/embed-dist/linger.js', config: lingerConfig('/collect') }),
}

/** The page with no script: the baseline every figure is measured against. */
export const none: Script = { id: 'none', label: 'no script (baseline)', initial: [], head: () => '' }

export const peers: Script[] = [
  {
    id: 'posthog',
    label: 'posthog-js 1.449.2 + surveys',
    initial: [`${nm}/posthog-js/dist/array.js`],
    survey: [`${nm}/posthog-js/dist/surveys.js`],
    // The documented snippet (its stub queues calls until array.js loads), served locally.
    head: (origin) => `<script>
!function(t,e){var o,n,p,r;e.__SV||(window.posthog=e,e._i=[],e.init=function(i,s,a){function g(t,e){var o=e.split(".");2==o.length&&(t=t[o[0]],e=o[1]),t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}}(p=t.createElement("script")).type="text/javascript",p.crossOrigin="anonymous",p.async=!0,p.src=s.api_host+"/static/array.js",(r=t.getElementsByTagName("script")[0]).parentNode.insertBefore(p,r);var u=e;for(void 0!==a?u=e[a]=[]:a="posthog",u.people=u.people||[],u.toString=function(t){var e="posthog";return"posthog"!==a&&(e+="."+a),t||(e+=" (stub)"),e},u.people.toString=function(){return u.toString(1)+".people (stub)"},o="init capture register register_once unregister identify alias set_config reset opt_in_capturing opt_out_capturing getFeatureFlag isFeatureEnabled reloadFeatureFlags onFeatureFlags getSurveys getActiveMatchingSurveys renderSurvey canRenderSurvey".split(" "),n=0;n<o.length;n++)g(u,o[n]);e._i.push([i,s,a])},e.__SV=1)}(document,window.posthog||[]);
// opt_out_useragent_filter: headless Chromium looks like a bot, and PostHog would drop every event.
posthog.init('phc_bench', { api_host: '${origin}', person_profiles: 'identified_only', disable_surveys: false, opt_out_useragent_filter: true })
</script>`,
  },
  {
    id: 'segment',
    label: '@segment/analytics-next 1.84.3',
    initial: [`${nm}/@segment/analytics-next/dist/umd/index.js`],
    head: (origin) => `<script src="${peer('@segment/analytics-next/dist/umd/index.js')}"></script>
<script>
window.analytics = AnalyticsNext.AnalyticsBrowser.load({ writeKey: 'bench', cdnURL: '${origin}' })
window.analytics.page()
</script>`,
  },
  {
    id: 'rudderstack',
    // The bundled build: the default one loads its plugins from RudderStack's CDN, which this
    // offline bench cannot reach, so they would fail and never run.
    label: '@rudderstack/analytics-js 3.34.1 (bundled)',
    initial: [`${nm}/@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js`],
    head: (
      origin,
    ) => `<script src="${peer('@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js')}"></script>
<script>
window.rudderanalytics = new rudderanalytics.RudderAnalytics()
window.rudderanalytics.load('bench', '${origin}', { configUrl: '${origin}', destSDKBaseURL: '${origin}/rs', pluginsSDKBaseURL: '${origin}/rs' })
window.rudderanalytics.page()
</script>`,
  },
  {
    id: 'snowplow',
    label: '@snowplow/browser-tracker 4.10.1',
    initial: [`${nm}/@snowplow/browser-tracker/dist/index.umd.min.js`],
    head: (origin) => `<script src="${peer('@snowplow/browser-tracker/dist/index.umd.min.js')}"></script>
<script>
snowplowBrowserTracking.newTracker('sp', '${origin}', { appId: 'bench' })
snowplowBrowserTracking.trackPageView()
</script>`,
  },
  {
    id: 'ouibounce',
    label: 'ouibounce 0.0.12',
    initial: [`${nm}/ouibounce/build/ouibounce.min.js`],
    head: () => `<script src="${peer('ouibounce/build/ouibounce.min.js')}"></script>`,
    body: `<div id="ouibounce-modal" style="display:none"><div class="modal"><h2>Wait — 10% off</h2><p>WELCOME10</p></div></div>
<script>ouibounce(document.getElementById('ouibounce-modal'))</script>`,
  },
  {
    id: 'formbricks',
    label: '@formbricks/js 5.1.0 (loader)',
    initial: [`${nm}/@formbricks/js/dist/index.js`],
    // The survey SDK itself is served by the Formbricks app (appUrl/js/formbricks.umd.cjs), not npm.
    head: (origin) => `<script type="module">
import formbricks from '${peer('@formbricks/js/dist/index.js')}'
formbricks.setup({ environmentId: 'bench', appUrl: '${origin}' })
</script>`,
  },
]

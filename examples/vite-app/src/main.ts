// A single-page app as a front-end developer would write it: Linger from npm, a config in
// code, and client-side routing with history.pushState. Linger notices the route changes
// itself (page views, URL targeting); the app only tells it about its own events.
import { init } from '@linger/core'
import type { LingerConfig } from '@linger/core/types'

const config: LingerConfig = {
  version: 1,
  site: 'vite-app',
  endpoint: new URLSearchParams(location.search).get('endpoint') ?? '/collect',
  campaigns: [
    {
      id: 'pricing-help',
      kind: 'popup',
      layout: 'slide-in',
      trigger: { type: 'pageview' },
      audience: { url: { include: ['/pricing'] } },
      content: {
        title: 'Questions about pricing?',
        body: 'Talk to us — we answer within the hour.',
        cta: { label: 'Chat with sales', href: 'mailto:sales@example.com' },
      },
    },
  ],
}

// The widgets (preact, from @linger/widgets) load lazily, in their own chunk, the first time a
// campaign shows.
const linger = init(config)

const views: Record<string, () => string> = {
  '/': () => 'Welcome. Open the pricing page: a campaign targets it.',
  '/pricing': () => 'Pricing: Starter €9, Team €29.',
}

function renderRoute() {
  const view = document.getElementById('view')!
  view.textContent = (views[location.pathname] ?? views['/']!)()
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a[data-link]')
  if (!link) return
  event.preventDefault()
  history.pushState({}, '', link.getAttribute('href'))
  renderRoute()
  linger.track('route.rendered', { path: location.pathname })
})
addEventListener('popstate', renderRoute)
renderRoute()

// Harness for the widget browser tests and screenshots. External (not inline) so the same
// script runs under the strict-CSP page. Mounts the campaign in the URL hash, or the one
// given to `window.mountCampaign(spec)`; spec = a campaign, or
// `{ campaign, theme, host: { locale, vars, cartItems }, push: 'subscribed' | 'denied' | 'failed' }`.
// Every host call is recorded in `window.events`.
import { mount } from '/build/widgets/index.js'

window.events = []
let current

window.mountCampaign = (spec) => {
  current?.unmount()
  const campaign = spec.campaign ?? spec
  const host = {
    track: (type, props) => window.events.push({ type, props }),
    close: (reason) => window.events.push({ type: 'close', reason }),
    show: (id) => window.events.push({ type: 'show', id }),
    requestPush: () => {
      window.events.push({ type: 'requestPush' })
      return new Promise((done) => setTimeout(() => done(spec.push ?? 'subscribed'), 50))
    },
    locale: 'en',
    vars: {},
    cartItems: [],
    ...spec.host,
  }
  current = mount(campaign, host, { theme: spec.theme })
  return true
}
window.unmountCampaign = () => current?.unmount()

if (location.hash.length > 1) window.mountCampaign(JSON.parse(decodeURIComponent(location.hash.slice(1))))
window.harnessReady = true

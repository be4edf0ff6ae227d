// The push card: the opt-in rate (subscribed ÷ prompted) and its parts.
import { facts, figure } from './figures.js'
import { int } from './format.js'

export function renderPush(report) {
  const push = report.push
  return [
    figure(push.optInRate, null, '% opted in'),
    facts([
      ['prompted', int(push.prompted)],
      ['subscribed', int(push.subscribed)],
      ['denied', int(push.denied)],
    ]),
  ]
}

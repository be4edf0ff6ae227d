// The carts card: the value of recovered orders, in the report's currency, and the counts.
import { facts, figure } from './figures.js'
import { int, moneyFormat } from './format.js'

export function renderCarts(report) {
  const carts = report.carts
  return [
    figure(moneyFormat(carts.currency)(carts.recoveredValue), null, 'recovered'),
    facts([
      ['abandoned carts', int(carts.abandoned)],
      ['recovered orders', int(carts.recovered)],
    ]),
  ]
}

// The carts card: the value of recovered orders, in the report's currency, and the counts;
// orders in a currency that is no ISO 4217 code ("€", "US$") apart, never added to it.
import { el } from './dom.js'
import { facts, figure } from './figures.js'
import { int, moneyFormat } from './format.js'

export function renderCarts(report) {
  const carts = report.carts
  const apart = Array.isArray(carts.unknownCurrencies) ? carts.unknownCurrencies : []
  return [
    figure(moneyFormat(carts.currency)(carts.recoveredValue), null, 'recovered'),
    facts([
      ['abandoned carts', int(carts.abandoned)],
      ['recovered orders', int(carts.recovered)],
    ]),
    apart.length
      ? el(
          'p',
          { class: 'note' },
          `Also recovered, in currencies that are no ISO 4217 code (not added above): ${apart
            .map(
              (c) =>
                `${moneyFormat(c.currency)(c.value)} (${int(c.recovered)} ${c.recovered === 1 ? 'order' : 'orders'})`,
            )
            .join(', ')}.`,
        )
      : null,
  ]
}

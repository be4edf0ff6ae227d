// The building blocks of a card: a headline figure with its 95 % margin, and a line of facts.
import { el } from './dom.js'
import { isNum, num } from './format.js'

/** A headline number (or text), its 95 % margin when known, and what it is. */
export function figure(value, margin, label) {
  const shown = typeof value === 'string' ? value : num(value)
  const plusMinus = isNum(margin) ? ` ± ${num(margin)}` : ''
  return el('p', { class: 'figure' }, shown, el('small', {}, `${plusMinus} ${label}`))
}

/** `name: value` pairs as a list. */
export function facts(pairs) {
  return el('ul', { class: 'facts' }, ...pairs.map(([k, v]) => el('li', {}, `${k}: `, el('strong', {}, v))))
}

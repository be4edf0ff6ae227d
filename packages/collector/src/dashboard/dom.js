// DOM builders shared by the dashboard's scripts: createElement/textContent and createElementNS
// only, never HTML strings, so everything runs under the dashboard's strict CSP.
const SVG = 'http://www.w3.org/2000/svg'

/** `el('p', { class: 'x' }, 'text', child)`: an element with attributes and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  node.append(
    ...children.filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))),
  )
  return node
}

/** An SVG element with attributes and, optionally, text. */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  if (text !== undefined) node.textContent = text
  return node
}

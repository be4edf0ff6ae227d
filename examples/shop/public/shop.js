// The demo shop's own code, as any small shop would have it: a product list, a cart in
// localStorage and GA4 ecommerce events in window.dataLayer. Linger reads that data layer,
// so the shop needs no Linger-specific cart code. DOM is built with createElement/textContent
// only: the pages run under a strict CSP with Trusted Types enforced.
const PRODUCTS = [
  { id: 'mug', name: 'Stoneware mug', price: 18 },
  { id: 'tee', name: 'Organic tee', price: 29 },
  { id: 'tote', name: 'Canvas tote', price: 15 },
  { id: 'socks', name: 'Wool socks', price: 12 },
  { id: 'cap', name: 'Field cap', price: 24 },
  { id: 'notebook', name: 'Dot notebook', price: 9.5 },
]
const CURRENCY = 'EUR'
const money = (value) => new Intl.NumberFormat('en', { style: 'currency', currency: CURRENCY }).format(value)
const app = document.getElementById('app')
window.dataLayer = window.dataLayer || []

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value)
    else node.setAttribute(key, value)
  }
  node.append(...children)
  return node
}

const readCart = () => JSON.parse(localStorage.getItem('shop-cart') || '[]')
const writeCart = (lines) => {
  localStorage.setItem('shop-cart', JSON.stringify(lines))
  updateCartLink()
}
const cartValue = (lines) => lines.reduce((sum, line) => sum + line.price * line.quantity, 0)
const ga4Item = (p, quantity) => ({ item_id: p.id, item_name: p.name, price: p.price, quantity })

function pushEcommerce(event, lines) {
  window.dataLayer.push({ ecommerce: null })
  window.dataLayer.push({
    event,
    ecommerce: {
      currency: CURRENCY,
      value: cartValue(lines),
      items: lines.map((l) => ga4Item(l, l.quantity)),
    },
  })
}

function addToCart(product, quantity = 1) {
  const lines = readCart()
  const line = lines.find((l) => l.id === product.id)
  if (line) line.quantity += quantity
  else lines.push({ ...product, quantity })
  writeCart(lines)
  window.dataLayer.push({ ecommerce: null })
  window.dataLayer.push({
    event: 'add_to_cart',
    ecommerce: { currency: CURRENCY, value: product.price * quantity, items: [ga4Item(product, quantity)] },
  })
}

function removeFromCart(id) {
  const lines = readCart()
  const line = lines.find((l) => l.id === id)
  writeCart(lines.filter((l) => l.id !== id))
  if (!line) return
  window.dataLayer.push({ ecommerce: null })
  window.dataLayer.push({
    event: 'remove_from_cart',
    ecommerce: {
      currency: CURRENCY,
      value: line.price * line.quantity,
      items: [ga4Item(line, line.quantity)],
    },
  })
}

function updateCartLink() {
  const count = readCart().reduce((n, l) => n + l.quantity, 0)
  document.getElementById('cart-link').textContent = count ? `Cart (${count})` : 'Cart'
}

function productCard(p) {
  return el(
    'article',
    { class: 'card' },
    el('img', { src: `/img/${p.id}.svg`, alt: '', width: '320', height: '240' }),
    el(
      'div',
      {},
      el('a', { href: `/products/${p.id}` }, p.name),
      el('p', { class: 'price' }, money(p.price)),
    ),
  )
}

const pages = {
  list() {
    document.title = 'Linger Goods'
    app.append(
      el('h1', {}, 'Everyday goods, made to last'),
      el('div', { class: 'grid' }, ...PRODUCTS.map(productCard)),
      el('div', { class: 'long', 'aria-hidden': 'true' }),
    )
  },
  product(id) {
    const p = PRODUCTS.find((x) => x.id === id)
    if (!p) return app.append(el('h1', {}, 'Not found'))
    document.title = `${p.name} · Linger Goods`
    const status = el('p', { role: 'status' })
    app.append(
      el(
        'div',
        { class: 'product' },
        el('img', { src: `/img/${p.id}.svg`, alt: p.name, width: '320', height: '240' }),
        el(
          'div',
          {},
          el('h1', {}, p.name),
          el('p', { class: 'price' }, money(p.price)),
          el(
            'button',
            {
              type: 'button',
              onclick: () => {
                addToCart(p)
                status.textContent = `${p.name} added to your cart.`
              },
            },
            'Add to cart',
          ),
          status,
        ),
      ),
    )
  },
  cart() {
    document.title = 'Your cart · Linger Goods'
    const lines = readCart()
    pushEcommerce('view_cart', lines)
    app.append(el('h1', {}, 'Your cart'))
    if (!lines.length)
      return app.append(el('p', {}, 'Your cart is empty. '), el('a', { href: '/' }, 'Browse the shop'))
    const rows = lines.map((l) =>
      el(
        'tr',
        {},
        el('td', {}, l.name),
        el('td', {}, String(l.quantity)),
        el('td', {}, money(l.price * l.quantity)),
        el(
          'td',
          {},
          el(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () => {
                removeFromCart(l.id)
                location.reload()
              },
            },
            `Remove ${l.name}`,
          ),
        ),
      ),
    )
    app.append(
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...['Item', 'Qty', 'Total', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...rows),
      ),
      el('p', {}, el('strong', {}, `Total: ${money(cartValue(lines))}`)),
      el('a', { class: 'button', href: '/checkout' }, 'Checkout'),
    )
  },
  checkout() {
    document.title = 'Checkout · Linger Goods'
    const lines = readCart()
    if (!lines.length) return app.append(el('h1', {}, 'Checkout'), el('p', {}, 'Your cart is empty.'))
    pushEcommerce('begin_checkout', lines)
    const email = el('input', { id: 'email', type: 'email', required: '', autocomplete: 'email' })
    const form = el(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault()
          const orderId = `order-${Date.now().toString(36)}`
          window.linger('identify', email.value.trim().toLowerCase(), { email: email.value.trim() })
          window.dataLayer.push({ ecommerce: null })
          window.dataLayer.push({
            event: 'purchase',
            ecommerce: {
              transaction_id: orderId,
              currency: CURRENCY,
              value: cartValue(lines),
              items: lines.map((l) => ga4Item(l, l.quantity)),
            },
          })
          writeCart([])
          // Give the pipeline a moment to persist the purchase; it survives the navigation either way.
          setTimeout(() => location.assign(`/order/${orderId}`), 50)
        },
      },
      el('label', { for: 'email' }, 'Email'),
      email,
      el('p', {}, `Order total: ${money(cartValue(lines))}`),
      el('button', { type: 'submit' }, 'Place order'),
    )
    app.append(el('h1', {}, 'Checkout'), form)
  },
  order(id) {
    document.title = 'Thank you · Linger Goods'
    app.append(
      el('h1', {}, 'Thank you for your order'),
      el('p', {}, `Order ${id} is confirmed.`),
      el('a', { href: '/' }, 'Continue shopping'),
    )
  },
}

/** Forgets this browser's visitor (Linger's storage and the shop's cart) and starts again at home. */
function startOver() {
  localStorage.removeItem('shop-cart')
  Promise.resolve(window.linger('forget')).finally(() => location.assign('/'))
}

// The footer's "Give feedback" opens the survey flow (a `manual` campaign): whatever Linger shows
// right now makes way for it, as the visitor asked for this one.
document.getElementById('give-feedback').addEventListener('click', () => {
  window.linger('hide')
  window.linger('show', 'feedback-flow')
})

// The demo's guide: Linger holds one visitor in ten out of some campaigns to measure their lift.
// Say so, or a newcomer following the README's steps would think a widget is broken.
window.linger('on', 'campaign.held-out', (event) => {
  document
    .getElementById('demo-note')
    .replaceChildren(
      `You were held out of “${event.campaignId}”: one visitor in ten does not see it, so the dashboard can measure its lift. `,
      el('button', { type: 'button', class: 'secondary', onclick: startOver }, 'Start over as a new visitor'),
    )
})

const [, section, id] = location.pathname.split('/')
const route =
  { '': 'list', products: 'product', cart: 'cart', checkout: 'checkout', order: 'order' }[section] ?? 'list'
pages[route](decodeURIComponent(id ?? ''))
updateCartLink()

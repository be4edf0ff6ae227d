import type { CartItem } from '@linger/core/types'
import { safeUrl } from '../text/safeUrl'

/** The cart's items: image (decorative), name, quantity. Nothing when the cart is empty. */
export function CartItems(props: { items?: CartItem[] }) {
  const items = props.items
  if (!items?.length) return null
  return (
    <ul class="it">
      {items.map((i) => (
        <li key={i.id}>
          {safeUrl(i.image) && <img src={safeUrl(i.image)} alt="" />}
          <span>{String(i.name ?? i.id)}</span>
          <span>×{String(i.quantity)}</span>
        </li>
      ))}
    </ul>
  )
}

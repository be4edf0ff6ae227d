// What a site tells Linger about its cart and orders (`linger('cart', …)`, `linger('purchase', …)`).

export interface CartItem {
  id: string
  name?: string
  price: number
  quantity: number
  image?: string
  url?: string
}

export interface Cart {
  items: CartItem[]
  value: number
  currency: string
}

export interface Order {
  orderId: string
  value: number
  currency: string
  items?: CartItem[]
}

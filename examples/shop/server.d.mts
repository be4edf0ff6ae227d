/** Starts the demo shop's web server (see server.mjs). */
export function startShop(options?: {
  port?: number
  host?: string
  collectorUrl?: string
  vapidPublicKey?: string
}): Promise<{ url: string; close(): Promise<void> }>

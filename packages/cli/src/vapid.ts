import webpush from 'web-push'

/**
 * `linger vapid`: a fresh VAPID key pair as JSON on the first line, then the collector's
 * environment lines (`--json`: the JSON only).
 */
export function vapid(args: string[]): number {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys()
  console.log(JSON.stringify({ publicKey, privateKey }))
  if (args.includes('--json')) return 0
  console.log(`
# Collector environment (keep the private key secret):
LINGER_VAPID_PUBLIC_KEY=${publicKey}
LINGER_VAPID_PRIVATE_KEY=${privateKey}
LINGER_VAPID_SUBJECT=mailto:you@example.com

# Config: "vapidPublicKey": "${publicKey}"`)
  return 0
}

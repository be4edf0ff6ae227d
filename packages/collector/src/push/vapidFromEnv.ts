export interface Vapid {
  publicKey: string
  privateKey: string
  /** `mailto:` address or https URL the push service can contact. */
  subject: string
}

/** VAPID keys from LINGER_VAPID_PUBLIC_KEY / _PRIVATE_KEY / _SUBJECT, or undefined when any is missing. */
export function vapidFromEnv(env: NodeJS.ProcessEnv = process.env): Vapid | undefined {
  const publicKey = env.LINGER_VAPID_PUBLIC_KEY
  const privateKey = env.LINGER_VAPID_PRIVATE_KEY
  const subject = env.LINGER_VAPID_SUBJECT
  return publicKey && privateKey && subject ? { publicKey, privateKey, subject } : undefined
}

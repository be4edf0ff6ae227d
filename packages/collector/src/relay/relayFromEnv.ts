import { createRelay, type Relay, type RelayFormat } from './createRelay'

const FORMATS = ['segment', 'rudderstack', 'posthog']

/**
 * The relay the environment asks for: `LINGER_RELAY_FORMAT` (segment | rudderstack | posthog),
 * `LINGER_RELAY_URL` (required for rudderstack: the data plane URL; Segment and PostHog default
 * to their US endpoints), `LINGER_RELAY_WRITE_KEY`. Undefined when no format is set; throws
 * with the variable's name when the settings cannot work.
 */
export function relayFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  fetcher?: typeof fetch,
): Relay | undefined {
  const format = env.LINGER_RELAY_FORMAT?.trim()
  if (!format) return undefined
  if (!FORMATS.includes(format))
    throw new Error(`LINGER_RELAY_FORMAT must be one of ${FORMATS.join(', ')}; got "${format}"`)
  const writeKey = env.LINGER_RELAY_WRITE_KEY?.trim()
  if (!writeKey) throw new Error('LINGER_RELAY_WRITE_KEY is required when LINGER_RELAY_FORMAT is set')
  const url = env.LINGER_RELAY_URL?.trim() || undefined
  if (format === 'rudderstack' && !url)
    throw new Error('LINGER_RELAY_URL (the data plane URL) is required for rudderstack')
  if (url && !/^https?:\/\//.test(url))
    throw new Error(`LINGER_RELAY_URL must be an http(s) URL; got "${url}"`)
  return createRelay({
    format: format as RelayFormat,
    url,
    writeKey,
    ...(fetcher && { fetch: fetcher }),
    onError: (code, detail) => console.error(`linger collector: relay ${code}`, detail),
  })
}

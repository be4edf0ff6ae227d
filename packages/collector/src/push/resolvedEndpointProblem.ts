import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { isPublicAddress } from './isPublicAddress'
import { pushEndpointProblem } from './pushEndpointProblem'

export type Lookup = (host: string, options: { all: true }) => Promise<Array<{ address: string }>>

/**
 * `pushEndpointProblem` at send time, plus what only DNS knows: every address the host
 * resolves to must be public, so a name pointed at the collector's own network (or re-pointed
 * since the subscription was stored) is never called. The request itself resolves the name
 * again: a DNS answer that changes within its TTL can still slip between the two.
 */
export async function resolvedEndpointProblem(
  endpoint: string,
  testOrigins: ReadonlySet<string>,
  lookup: Lookup = dnsLookup,
): Promise<string | undefined> {
  const problem = pushEndpointProblem(endpoint, testOrigins)
  if (problem) return `endpoint ${problem}`
  const url = new URL(endpoint)
  const host = url.hostname.replace(/\.$/, '')
  if (testOrigins.has(url.origin) || isIP(host.replace(/^\[(.*)\]$/, '$1'))) return undefined
  let addresses: Array<{ address: string }>
  try {
    addresses = await lookup(host, { all: true })
  } catch (error) {
    return `endpoint host did not resolve: ${(error as Error).message}`
  }
  const inside = addresses.find((a) => !isPublicAddress(a.address))
  if (inside || addresses.length === 0)
    return `endpoint resolves to a private, loopback or link-local address${inside ? ` (${inside.address})` : ''}`
  return undefined
}

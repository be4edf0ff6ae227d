import { isIP } from 'node:net'
import { isPublicAddress } from './isPublicAddress'

// Names that only mean something inside a network (RFC 6761, RFC 8375, mDNS, common split DNS).
const LOCAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i

/**
 * Why the collector must not send pushes to `endpoint`, or undefined. A push service is an
 * https URL on the default port of a public host: never an address inside the collector's own
 * network (private, loopback, link-local, in IPv4 or IPv6), nor a name that only resolves
 * there. Origins in `testOrigins` (a local mock push service) skip the checks. Names are
 * resolved and checked again at send time (`sendPush`).
 */
export function pushEndpointProblem(endpoint: unknown, testOrigins: ReadonlySet<string>): string | undefined {
  if (typeof endpoint !== 'string') return 'must be an https URL'
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return 'must be an https URL'
  }
  if (testOrigins.has(url.origin)) return undefined
  if (url.protocol !== 'https:') return 'must be an https URL'
  if (url.username || url.password) return 'must not carry credentials'
  if (url.port) return 'must use the default https port'
  const host = url.hostname.replace(/\.$/, '')
  if (isIP(host.replace(/^\[(.*)\]$/, '$1')))
    return isPublicAddress(host) ? undefined : 'must not be a private, loopback or link-local address'
  if (!host.includes('.') || LOCAL_NAME.test(host)) return 'must be a public push service host'
  return undefined
}

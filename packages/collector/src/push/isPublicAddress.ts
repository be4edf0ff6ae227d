import { BlockList, isIP } from 'node:net'

// IPv4: everything but the special-purpose ranges (RFC 6890): this network, private, shared
// (carrier-grade NAT), loopback, link-local, IETF, documentation, benchmarking, multicast, reserved.
const notPublic4 = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3], // multicast, reserved and broadcast: 224.0.0.0 up to 255.255.255.255
] as const)
  notPublic4.addSubnet(net, bits, 'ipv4')

// IPv6: only global unicast (2000::/3) is public. That leaves out loopback, unspecified,
// IPv4-mapped and NAT64 forms (which could carry a private IPv4), unique-local, link-local and
// multicast; inside 2000::/3, the IETF block (Teredo), 6to4 (embeds an IPv4) and documentation.
const global6 = new BlockList()
global6.addSubnet('2000::', 3, 'ipv6')
const notPublic6 = new BlockList()
for (const [net, bits] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
] as const)
  notPublic6.addSubnet(net, bits, 'ipv6')

/** Whether `address` (an IP literal; IPv6 with or without brackets) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[(.*)\]$/, '$1')
  const family = isIP(ip)
  if (family === 4) return !notPublic4.check(ip, 'ipv4')
  if (family === 6) return global6.check(ip, 'ipv6') && !notPublic6.check(ip, 'ipv6')
  return false
}

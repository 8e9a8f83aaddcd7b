// Which addresses outbound requests (webhooks, survey gateways) may reach: public unicast only, unless an operator
// allowed a target (OUTBOUND_ALLOW). Checked on the resolved address, so a name that points inside is caught too.
import { BlockList, isIP } from 'node:net';

/** Ranges no outbound request may reach, with the reason given for them (IPv4-mapped IPv6 is checked as IPv4). */
const BLOCKED: { reason: string; ranges: [string, number, 'ipv4' | 'ipv6'][] }[] = [
  { reason: 'loopback address', ranges: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']] },
  { reason: 'unspecified address', ranges: [['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']] },
  { reason: 'private address', ranges: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['198.18.0.0', 15, 'ipv4']] },
  { reason: 'link-local or metadata address', ranges: [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']] },
  { reason: 'carrier-grade NAT address', ranges: [['100.64.0.0', 10, 'ipv4']] },
  { reason: 'unique-local address', ranges: [['fc00::', 7, 'ipv6']] },
  { reason: 'multicast or reserved address', ranges: [['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']] },
  // Addresses that embed an IPv4 address another router turns back into it (NAT64, 6to4, Teredo).
  { reason: 'IPv4-embedding IPv6 address', ranges: [['64:ff9b::', 96, 'ipv6'], ['64:ff9b:1::', 48, 'ipv6'], ['2002::', 16, 'ipv6'], ['2001::', 32, 'ipv6']] },
];
const LISTS = BLOCKED.map(({ reason, ranges }) => {
  const list = new BlockList();
  for (const [network, prefix, type] of ranges) list.addSubnet(network, prefix, type);
  return { reason, list };
});

/** Cloud metadata services reached by name (their addresses are link-local or private, and blocked as such too). */
const METADATA_HOSTS = ['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.com'];

export interface OutboundAllowList {
  hosts: Set<string>;
  addresses: BlockList;
}

/** OUTBOUND_ALLOW: comma list of host names, addresses and CIDR ranges deliberately reachable (e.g. an internal CRM). */
export function parseOutboundAllow(text: string): OutboundAllowList {
  const allow: OutboundAllowList = { hosts: new Set(), addresses: new BlockList() };
  for (const entry of text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const [network, prefix] = entry.replace(/^\[|\]$/g, '').split('/');
    const type = isIP(network);
    if (!type) allow.hosts.add(entry);
    else if (prefix !== undefined) allow.addresses.addSubnet(network, Number(prefix), type === 4 ? 'ipv4' : 'ipv6');
    else allow.addresses.addAddress(network, type === 4 ? 'ipv4' : 'ipv6');
  }
  return allow;
}

/** Why a host name may not be called at all, or null (its addresses are checked after resolution). */
export function blockedHostReason(host: string, allow: OutboundAllowList): string | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (allow.hosts.has(name)) return null;
  if (METADATA_HOSTS.includes(name)) return 'cloud metadata host';
  return null;
}

/** Why an address may not be reached, or null when it may (public unicast, or allowed by OUTBOUND_ALLOW). */
export function blockedAddressReason(address: string, allow: OutboundAllowList, host?: string): string | null {
  const type = isIP(address);
  if (!type) return 'not an IP address';
  const family = type === 4 ? 'ipv4' : 'ipv6';
  if ((host && allow.hosts.has(host.toLowerCase())) || allow.addresses.check(address, family)) return null;
  return LISTS.find(({ list }) => list.check(address, family))?.reason ?? null;
}

// Outbound address policy: internal ranges blocked (IPv4, IPv6, IPv4-mapped), public ones pass, OUTBOUND_ALLOW wins.
import { blockedAddressReason, blockedHostReason, parseOutboundAllow } from './address-policy.util';

const none = parseOutboundAllow('');

describe('outbound address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.20.0.1', 'private'], ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'], ['100.100.100.200', 'carrier-grade NAT'], ['fd00:ec2::254', 'unique-local'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified'], ['224.0.0.1', 'multicast'], ['64:ff9b::a00:1', 'IPv4-embedding'],
  ])('blocks %s (%s)', (address, reason) => {
    expect(blockedAddressReason(address, none)).toMatch(reason);
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(blockedAddressReason(address, none)).toBeNull();
  });

  it('blocks metadata host names', () => {
    expect(blockedHostReason('metadata.google.internal', none)).toMatch(/metadata/);
    expect(blockedHostReason('METADATA.google.internal.', none)).toMatch(/metadata/);
    expect(blockedHostReason('crm.example.com', none)).toBeNull();
  });

  it('allows what OUTBOUND_ALLOW lists: addresses, ranges and host names', () => {
    const allow = parseOutboundAllow('127.0.0.1, 10.20.0.0/16, crm.internal, [fd12::1]');
    expect(blockedAddressReason('127.0.0.1', allow)).toBeNull();
    expect(blockedAddressReason('127.0.0.2', allow)).toMatch(/loopback/);
    expect(blockedAddressReason('10.20.3.4', allow)).toBeNull();
    expect(blockedAddressReason('10.21.3.4', allow)).toMatch(/private/);
    expect(blockedAddressReason('fd12::1', allow)).toBeNull();
    expect(blockedAddressReason('192.168.0.9', allow, 'crm.internal')).toBeNull();
  });
});

// Outbound HTTP for webhooks and survey gateways: the URL's host is resolved once, every address is checked against
// the address policy, and the request connects to the checked address (pinned), so DNS rebinding cannot swap it.
// Failures are short, fixed reasons that echo nothing of the target (no response body, no socket error text).
import { Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppConfig } from '../../config/app-config';
import { blockedAddressReason, blockedHostReason, parseOutboundAllow, type OutboundAllowList } from './address-policy.util';

/** A request that was not sent or got no HTTP answer; `message` is safe to store and show. */
export class OutboundError extends Error {}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) => new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

@Injectable()
export class OutboundGuard {
  private readonly allow: OutboundAllowList;
  /** Replaceable in tests (a name that resolves differently each time). */
  resolver: Resolver = systemResolver;

  constructor(config: AppConfig) {
    this.allow = parseOutboundAllow(config.OUTBOUND_ALLOW);
  }

  /** At registration: refuses a URL whose host is, or now resolves to, a blocked address; a name that does not resolve yet passes (every send checks again). */
  async check(url: string): Promise<void> {
    await this.target(url).catch((err) => {
      if (err instanceof OutboundError && err.message === 'host not found') return;
      throw err;
    });
  }

  /** POSTs `body` to the checked address of `url`; resolves to the HTTP status (redirects are not followed). */
  async post(url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number; signal?: AbortSignal }): Promise<number> {
    const { target, address } = await this.target(url);
    const family = isIP(address);
    const timeout = AbortSignal.timeout(init.timeoutMs);
    const signal = init.signal ? AbortSignal.any([timeout, init.signal]) : timeout;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = send(target, {
        method: 'POST',
        headers: { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) },
        signal,
        agent: false, // a fresh connection each time: no pooled socket of another address is reused
        // The connection goes to the address checked above, whatever DNS answers now; TLS still verifies the name.
        lookup: ((_host: string, options: { all?: boolean }, done: (...args: unknown[]) => void) => (options?.all ? done(null, [{ address, family }]) : done(null, address, family))) as unknown as LookupFunction,
      }, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy(); // the body is never read: it is not ours to store
      });
      req.on('error', (err) => reject(new OutboundError(describe(err, timeout, init.timeoutMs))));
      req.end(init.body);
    });
  }

  private async target(url: string): Promise<{ target: URL; address: string }> {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundError('blocked: only http and https');
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const hostReason = blockedHostReason(host, this.allow);
    if (hostReason) throw new OutboundError(`blocked: ${hostReason}`);
    const addresses = isIP(host) ? [host] : await this.resolve(host);
    for (const address of addresses) {
      const reason = blockedAddressReason(address, this.allow, host);
      if (reason) throw new OutboundError(`blocked: ${host === address ? '' : 'resolves to a '}${reason}`);
    }
    return { target, address: addresses[0] };
  }

  private async resolve(host: string): Promise<string[]> {
    const found = await this.resolver(host).catch(() => []);
    if (!found.length) throw new OutboundError('host not found');
    return found.map((a) => a.address);
  }
}

function describe(err: unknown, timeout: AbortSignal, timeoutMs: number): string {
  if (timeout.aborted) return `no answer within ${timeoutMs} ms`;
  if ((err as Error)?.name === 'AbortError') return 'cancelled: the server is shutting down';
  const code = String((err as { code?: string })?.code ?? '');
  if (/^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) return 'TLS handshake failed';
  return 'unreachable';
}

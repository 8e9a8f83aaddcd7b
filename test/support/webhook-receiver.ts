// A real HTTP endpoint on 127.0.0.1 for webhook tests: records each request and checks its signature as an integrator would.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  event: string;
  deliveryId: string;
  timestamp: string;
  body: { id: number; type: string; payload: Record<string, any> };
  validSignature: boolean;
}

/** How a path answers its n-th request (1-based): status, optional body, optional delay. */
export type Behaviour = (path: string, n: number) => { status: number; body?: string; delayMs?: number };

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** The secret each path verifies signatures with. */
  readonly secrets = new Map<string, string>();
  private server?: Server;

  constructor(private readonly behaviour: Behaviour) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const header = (name: string) => String(req.headers[name] ?? '');
        this.received.push({
          path,
          event: header('x-serviceflow-event'),
          deliveryId: header('x-serviceflow-delivery'),
          timestamp: header('x-serviceflow-timestamp'),
          body: JSON.parse(raw),
          validSignature: verify(this.secrets.get(path) ?? '', header('x-serviceflow-timestamp'), raw, header('x-serviceflow-signature')),
        });
        const answer = this.behaviour(path, this.received.filter((r) => r.path === path).length);
        setTimeout(() => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? ''), answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}

/** What the README tells integrators to do: HMAC-SHA256 of "<timestamp>.<raw body>", compared in constant time. */
function verify(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return secret !== '' && expected.length === given.length && timingSafeEqual(expected, given);
}

/** A local port nothing listens on (a receiver that is down). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

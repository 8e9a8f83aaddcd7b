// Sends a request that runs a command of one instance to the cluster worker owning that instance (where its engine is
// cached), over that worker's unix socket. When the owner cannot be reached the request runs here: slower, never wrong
// (the row lock and the revision rule keep any worker correct). Requests a worker receives on its socket run there.
import { Injectable, Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Counter } from 'prom-client';
import { domainRegistry } from '../observability/domain-metrics';
import { InstanceRouting } from './instance-routing';
import { OwnerLookupRepository } from './owner-lookup.repository';
import { routeTarget, type RouteTarget } from './request-routes.util';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Set on a forwarded request: the owner answers it itself, never forwards it again. */
const FORWARDED = 'x-serviceflow-routed-from';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

export const instanceRouting = new Counter({
  name: 'serviceflow_instance_routing_total',
  help: 'Instance commands by where they ran: here as owner, forwarded to the owner, here because the owner was unreachable, or unknown row',
  labelNames: ['result'],
  registers: [domainRegistry],
});

/** The socket of the worker in `slot` of the cluster whose primary is `primaryPid`. */
export function workerSocketPath(primaryPid: number, slot: number): string {
  return join(tmpdir(), `serviceflow-${primaryPid}-w${slot}.sock`);
}

@Injectable()
export class RequestRouter {
  private readonly logger = new Logger('RequestRouter');
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private socketServer?: http.Server;

  constructor(private readonly routing: InstanceRouting, private readonly owners: OwnerLookupRepository) {}

  /** In a cluster worker with routing on: forwards the server's instance commands and listens on this worker's socket. */
  async install(server: http.Server): Promise<void> {
    if (!this.routing.enabled) return;
    const handlers = server.listeners('request') as Handler[];
    const local: Handler = (req, res) => handlers.forEach((h) => h.call(server, req, res));
    server.removeAllListeners('request');
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void this.route(req, res, local));
    const path = workerSocketPath(process.ppid, this.routing.slot);
    fs.rmSync(path, { force: true }); // left by this slot's previous worker (killed)
    this.socketServer = http.createServer({ keepAliveTimeout: 60_000 }, local);
    await new Promise<void>((done, fail) => this.socketServer!.once('error', fail).listen(path, done));
  }

  async close(): Promise<void> {
    this.agent.destroy();
    if (this.socketServer) await new Promise<void>((done) => this.socketServer!.close(() => done()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, local: Handler): Promise<void> {
    const target = req.headers[FORWARDED] === undefined ? routeTarget(req.method, req.url) : null;
    if (!target) return local(req, res);
    const instanceId = await this.instanceOf(target);
    if (!instanceId) return (instanceRouting.inc({ result: 'unknown' }), local(req, res));
    if (this.routing.owns(instanceId)) return (instanceRouting.inc({ result: 'owner' }), local(req, res));
    this.forward(req, res, this.routing.ownerOf(instanceId), local);
  }

  private async instanceOf(target: RouteTarget): Promise<string | null> {
    if (target.kind === 'instance') return target.id;
    try {
      return await this.owners.instanceOf(target.kind, target.id);
    } catch (err) {
      this.logger.warn({ err }, 'could not look up the instance of a request; running it here');
      return null;
    }
  }

  /**
   * The body is sent only once the socket to the owner is connected: until then nothing of the request was read, so
   * an owner that is not there (restarting) leaves the request whole to run here.
   */
  private forward(req: http.IncomingMessage, res: http.ServerResponse, slot: number, local: Handler): void {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    if (req.headers['transfer-encoding']) headers['transfer-encoding'] = req.headers['transfer-encoding'];
    const out = http.request({ socketPath: workerSocketPath(process.ppid, slot), method: req.method, path: req.url, headers: { ...headers, [FORWARDED]: String(this.routing.slot) }, agent: this.agent });
    let sending = false;
    const send = () => {
      sending = true;
      instanceRouting.inc({ result: 'forwarded' });
      req.pipe(out);
    };
    out.once('socket', (socket) => (socket.connecting ? socket.once('connect', send) : send()));
    out.once('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name))));
      answer.pipe(res);
    });
    out.once('error', (err) => {
      if (!sending) return (instanceRouting.inc({ result: 'fallback' }), local(req, res));
      this.logger.warn({ err, slot }, 'the owner worker failed while answering a forwarded request');
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 502, message: 'the server process handling this instance stopped while answering; check the instance and retry if the change is missing' }));
      else res.destroy();
    });
  }
}

// Load generators: a closed loop (fixed concurrency, as fast as answers come) and an open loop (fixed arrival schedule).
import { percentile } from '../../test/support/timer-load';

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  firstError?: string;
}

export type Request = (i: number) => Promise<void>;

/**
 * `concurrency` workers each send the next request as soon as their previous one answered, until `seconds` have
 * passed or `total` requests were sent; a rejected request counts as failed.
 */
export async function closedLoop(request: Request, opts: { concurrency: number; seconds?: number; total?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = opts.seconds ? started + opts.seconds * 1000 : Infinity;
  const worker = async () => {
    while (performance.now() < deadline && (opts.total === undefined || next < opts.total)) {
      const i = next++;
      const t0 = performance.now();
      try {
        await request(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        failed++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return summarize(latencies, failed, (performance.now() - started) / 1000, firstError);
}

/**
 * Sends `ratePerSec` requests per second on a fixed schedule for `seconds`, whatever the answers do; each latency is
 * measured from the request's scheduled time, so a stalled server shows up as latency (no coordinated omission).
 */
export async function openLoop(request: Request, opts: { ratePerSec: number; seconds: number; maxInFlight?: number; onLatency?: (sentAtMs: number, latencyMs: number) => void }): Promise<LoadResult & { dropped: number }> {
  const latencies: number[] = [];
  const total = Math.max(1, Math.round(opts.ratePerSec * opts.seconds));
  const interval = 1000 / opts.ratePerSec;
  const maxInFlight = opts.maxInFlight ?? 2000;
  const inFlight = new Set<Promise<void>>();
  let failed = 0;
  let dropped = 0;
  let firstError: string | undefined;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((done) => setTimeout(done, wait));
    if (inFlight.size >= maxInFlight) {
      dropped++; // the server is so far behind that the client would only measure its own queue
      continue;
    }
    const p: Promise<void> = request(i).then(
      () => {
        const latency = performance.now() - scheduled;
        latencies.push(latency);
        opts.onLatency?.(scheduled - started, latency);
      },
      (err) => void (failed++, (firstError ??= (err as Error).message)),
    ).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { ...summarize(latencies, failed, (performance.now() - started) / 1000, firstError), dropped };
}

function summarize(latencies: number[], failed: number, seconds: number, firstError?: string): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    ok: latencies.length,
    failed,
    seconds: round(seconds, 2),
    perSec: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    firstError,
  };
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

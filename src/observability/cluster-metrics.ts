// /metrics for the whole node cluster: a worker that receives the scrape asks the primary, which collects every
// worker's series through prom-client's AggregatorRegistry (counters and histograms summed) and answers.
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'serviceflow:cluster-metrics?';
const RESPONSE = 'serviceflow:cluster-metrics';
const TIMEOUT_MS = 10_000;

type Response = { type: typeof RESPONSE; id: string; text?: string; error?: string };

/** In a worker: lets the primary collect these registries (prom-client answers its requests). */
export function shareWithPrimary(registries: Registry[]): void {
  if (!cluster.isWorker) return;
  new AggregatorRegistry(); // installs prom-client's worker-side listener
  AggregatorRegistry.setRegistries(registries);
}

/** In a worker: the aggregated metrics of every worker, from the primary. */
export function clusterMetrics(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error('the cluster primary did not answer the metrics request')), TIMEOUT_MS);
    const onMessage = (message: Response) => {
      if (message?.type !== RESPONSE || message.id !== id) return;
      finish(message.error ? new Error(message.error) : undefined, message.text ?? '');
    };
    function finish(error?: Error, text = '') {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (error) reject(error);
      else resolve(text);
    }
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** In the primary: answers the workers' metrics requests with the aggregation over all workers. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: string }) => {
    if (message?.type !== REQUEST) return;
    const reply = (r: Omit<Response, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: RESPONSE, id: message.id, ...r });
    aggregator.clusterMetrics().then((text) => reply({ text }), (err: Error) => reply({ error: err.message }));
  });
}

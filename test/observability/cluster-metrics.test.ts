// /metrics is true for the whole server: with two workers (node cluster) sharing the port, a counter that both
// workers increment is reported as the sum, whichever worker answers the scrape.
import * as http from 'node:http';
import { createTestDatabase, dropTestDatabase } from '../support/database';
import { ServerProcess, sleep } from '../support/server-process';

/** GET on a new TCP connection each time, so that the cluster hands the requests to the workers in turn. */
const getOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) => {
    http.get(url, { agent: false }, (res) => (res.resume(), res.on('end', () => resolve(res.statusCode!)))).on('error', reject);
  });

const healthCount = (text: string) =>
  Number(/^http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);

describe('metrics across cluster workers', () => {
  let databaseUrl: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await dropTestDatabase(databaseUrl);
  });

  it('reports a counter incremented on both workers as the sum', async () => {
    server = await ServerProcess.start(databaseUrl, { WEB_CONCURRENCY: '2', DEPLOY_ON_BOOT: 'false' }, 120_000);
    for (const deadline = Date.now() + 120_000; !server.log().includes('ServiceFlow is running') && Date.now() < deadline; ) await sleep(200);
    expect(server.log()).toContain('[2 workers]');

    const scrape = async () => (await fetch(`${server!.baseUrl}/metrics`)).text();
    const before = healthCount(await scrape());
    const n = 20;
    for (let i = 0; i < n; i++) expect(await getOnNewConnection(`${server.baseUrl}/health`)).toBe(200);
    // Every scrape, whichever worker takes it, reports the requests of both workers.
    for (let i = 0; i < 4; i++) expect(healthCount(await scrape())).toBe(before + n);
  }, 240_000);
});

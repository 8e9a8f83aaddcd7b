// The per-request log line at the default level (info) says who asked what and how it ended (method, path, status,
// correlation id, time) without carrying every request and response header; debug keeps them for troubleshooting.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';

async function requestLine(file: string, marker: string): Promise<Record<string, any>> {
  for (let i = 0; i < 100; i++) {
    const line = (() => { try { return readFileSync(file, 'utf8'); } catch { return ''; } })().split('\n').find((l) => l.includes(marker) && l.includes('"res"'));
    if (line) return JSON.parse(line);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no request line for ${marker}`);
}

describe.each([
  ['info', false],
  ['debug', true],
])('the request log line at %s', (level, headers) => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-reqlog-'));
  const file = join(dir, 'server.log');
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: level, LOG_FILE: file } });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(headers ? 'keeps the headers' : 'carries no headers', async () => {
    // when
    await t.anon.get('/api/definitions?probe=request-line').set('User-Agent', 'probe-agent-7f3a').set('X-Request-Id', 'req-line-1').expect(401);
    // then
    const line = await requestLine(file, 'req-line-1');
    expect(line.req).toMatchObject({ id: 'req-line-1', method: 'GET', url: '/api/definitions?probe=request-line' });
    expect(line.res.statusCode).toBe(401);
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line).includes('probe-agent-7f3a')).toBe(headers);
    expect('headers' in line.res).toBe(headers);
  });
});

// Logs without secrets or personal data (issue 14, row 7): survey tokens in request paths are redacted, customer
// contacts are masked in the survey channel's log line, and the log file (LOG_FILE) is readable by its owner only.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

async function logText(file: string, until: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const text = (() => { try { return readFileSync(file, 'utf8'); } catch { return ''; } })();
    if (until(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readFileSync(file, 'utf8');
}

describe('log privacy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-logs-'));
  const file = join(dir, 'server.log');
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info', LOG_FILE: file } });
    await t.app.listen(0, '127.0.0.1'); // as a server does: buffered boot logs are flushed and logging goes on
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redacts survey tokens in logged request paths', async () => {
    // when
    await t.anon.get(`/api/public/surveys/${TOKEN}`).expect(404);
    await t.anon.post(`/api/public/surveys/${TOKEN}?x=1`).send({ overall: 5, nps: 9 }).expect(404);
    await t.anon.get(`/survey/${TOKEN}`);
    // then
    const text = await logText(file, (s) => (s.match(/surveys\/\[redacted\]/g) ?? []).length >= 2 && s.includes('/survey/[redacted]'));
    expect(text).toContain('/api/public/surveys/[redacted]');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(0, 12));
  });

  it('creates the log file readable by its owner only', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
